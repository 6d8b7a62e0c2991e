using Pipeline.Core.Evaluation;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>H.CHUNG.01: 100% of communes at level L-1 or more and at least half at L; a commune with no data is level 0.</summary>
public sealed class DistrictRollupTests
{
    private static readonly LevelCriterion Rollup = (LevelCriterion)Frameworks.Qd2361.Find("H.CHUNG.01")!;

    [Theory]
    [InlineData("1,1,1,1", 1)]        // all at Khởi động, none at Kết nối
    [InlineData("1,1,2,2", 2)]        // all >= 1 and exactly half >= 2
    [InlineData("1,2,2,2", 2)]        // 3 of 4 >= 2 but the one at 1 blocks level 3's "100% >= 2"
    [InlineData("2,2,3,3", 3)]
    [InlineData("2,2,2,3", 2)]        // only a quarter at 3
    [InlineData("4,4,5,5", 5)]
    [InlineData("0,5,5,5", 0)]        // one commune at level 0 (no data) fails even level 1
    public void Observe_FindsTheHighestLevelWhoseRollupHolds(string levels, int expected)
    {
        var communeLevels = levels.Split(',').Select(int.Parse).ToList();

        Assert.Equal(expected, DistrictRollup.Observe(Rollup, communeLevels)!.Value.Value);
    }

    [Fact]
    public void Observe_ForADistrictWithNoCommunes_IsMissing() => Assert.Null(DistrictRollup.Observe(Rollup, []));

    [Fact]
    public void District_LevelIsCappedByItsCommunes_AndACommuneWithNoRowsCountsAsLevel0()
    {
        // Huyện Thường Xuân 396 (Thanh Hóa): give every commune but one level 5 values, and the district every H.* criterion at level 5.
        var framework = Frameworks.Qd2361;
        var units = Frameworks.Units2024;
        var communes = units.CommunesOf("396").ToList();
        var path = Path.GetTempFileName();
        try
        {
            var lines = new List<string> { "unit_code,criterion,value,denominator" };
            foreach (var commune in communes.Skip(1))
            {
                lines.AddRange(Rows(commune.Code, framework, CriterionScope.Commune));
            }

            lines.AddRange(Rows("396", framework, CriterionScope.District));
            File.WriteAllLines(path, lines);
            var input = EvaluationInput.Read(path, framework, units, LevelRun.UnitProblem);

            var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, units);

            var district = results.Single(r => r.Result.UnitCode == "396").Result;
            Assert.All(results.Where(r => r.Result.Scope == CriterionScope.Commune), r => Assert.Equal(5, r.Result.Level));
            Assert.Equal(0, district.Level);
            Assert.Equal(["H.CHUNG.01"], district.Blocking.Select(c => c.Code));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Rows(string unit, LevelFramework framework, CriterionScope scope)
    {
        var values = Frameworks.MeetingLevel(framework, scope, 5);
        return framework.Criteria.Where(c => c.Scope == scope && values[c.Index] is not null)
            .Select(c => $"{unit},{c.Code},{values[c.Index]!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)},");
    }
}
