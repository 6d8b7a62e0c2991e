using Pipeline.Core.Evaluation;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests.Evaluation;

public sealed class LevelEvaluatorTests
{
    private static readonly LevelFramework Framework = Frameworks.Qd2361;
    private static readonly LevelEvaluator Evaluator = new(Framework);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Evaluate_ReturnsLevelL_WhenEveryCriterionUpToLIsMetExactlyAtItsThreshold(int level)
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, level);

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal(level, result.Level);
        // What blocks the next level is exactly the criteria whose next cell asks for more than this one.
        Assert.All(result.Blocking, c => Assert.NotEqual(c.At(level)?.Min, c.At(level + 1)!.Min));
    }

    [Fact]
    public void Evaluate_AtLevel5_ListsNothing()
    {
        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5));

        Assert.Equal((5, 5), (result.Level, result.AttainableLevel));
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_JustUnderALevel3Threshold_StopsAtLevel2_AndNamesTheBlockingCriterion()
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        // X.XHS.01 needs 70% at level 3: 62.5% (5 of 8) meets level 2's 60% only.
        values[Frameworks.IndexOf(Framework, "X.XHS.01")] = new Observation(5, 8);

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal(2, result.Level);
        Assert.Equal(2, result.AttainableLevel);
        Assert.Equal(["X.XHS.01"], result.Blocking.Select(c => c.Code));
        Assert.Equal("X.XHS.01 62.5% (5 of 8) < 70% needed for level 3", GapText.Blocking(result.Blocking[0], values[result.Blocking[0].Index]!.Value, 3));
    }

    // X.XHS.01 needs 50, 60, 70, 80, 100% at levels 1..5; every other criterion meets level 5. The point value (62 of
    // 100) is the same in every row: only the bounds decide.
    [Theory]
    [InlineData(54, 71, 1, 3, "", "X.XHS.01")] // 60% (level 2) inside 54-71%: undetermined, so level 1, attainable 3
    [InlineData(40, 45, 0, 0, "X.XHS.01", "")] // 50% (level 1) above the whole interval: not met
    [InlineData(60, 68, 2, 2, "X.XHS.01", "")] // 60% at the low end is met; 70% above the high end is not
    [InlineData(54, 62, 1, 2, "", "X.XHS.01")] // 60% inside; 70% above the high end caps what is attainable
    public void Evaluate_AnIntervalValue_IsMetByItsLowEnd_NotMetByItsHighEnd_UndeterminedBetween(
        int low, int high, int level, int attainable, string blocking, string undetermined)
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        values[Frameworks.IndexOf(Framework, "X.XHS.01")] = new Observation(62, 100, new ValueBounds(low, high));

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal((level, attainable), (result.Level, result.AttainableLevel));
        Assert.Equal(blocking, string.Join(';', result.Blocking.Select(c => c.Code)));
        Assert.Equal(undetermined, string.Join(';', result.Undetermined.Select(c => c.Code)));
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_AnUndeterminedCriterion_SaysItsIntervalAndTheThreshold()
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        var index = Frameworks.IndexOf(Framework, "X.XHS.01");
        values[index] = new Observation(62, 100, new ValueBounds(54, 71));

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal("X.XHS.01 undetermined: 54%-71% against 60% needed for level 2", GapText.Undetermined(result.Undetermined[0], values[index]!.Value, 2));
    }

    [Fact]
    public void Evaluate_CountsMissingAsUnmet_ButAttainableCountsItAsMet()
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        values[Frameworks.IndexOf(Framework, "X.CQS.12")] = null; // camera system, from level 3

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal((2, 5), (result.Level, result.AttainableLevel));
        Assert.Empty(result.Blocking);
        Assert.Equal(["X.CQS.12"], result.Missing.Select(c => c.Code));
    }

    [Fact]
    public void Evaluate_MissingVersusFailing_AreReportedApart()
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        values[Frameworks.IndexOf(Framework, "X.CQS.12")] = null;
        values[Frameworks.IndexOf(Framework, "X.CQS.13")] = Observation.No;

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        Assert.Equal((2, 2), (result.Level, result.AttainableLevel));
        Assert.Equal(["X.CQS.13"], result.Blocking.Select(c => c.Code));
        Assert.Equal(["X.CQS.12"], result.Missing.Select(c => c.Code));
    }

    [Fact]
    public void Evaluate_X_KTS_04_OneOfOneEnterprise_MeetsTheLevel5ClauseButNotLevel4s()
    {
        var values = Frameworks.MeetingLevel(Framework, CriterionScope.Commune, 5);
        var kts04 = (LevelCriterion)Framework.Find("X.KTS.04")!;
        values[kts04.Index] = new Observation(1, 1);

        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, values);

        // The level-5 cell alone would be met ("hoặc 100% doanh nghiệp"), but level 4 needs 2 enterprises.
        Assert.True(kts04.At(5)!.IsMet(kts04.Measure, new Observation(1, 1)));
        Assert.False(kts04.At(4)!.IsMet(kts04.Measure, new Observation(1, 1)));
        Assert.Equal(3, result.Level);
        Assert.Equal(["X.KTS.04"], result.Blocking.Select(c => c.Code));
    }

    [Fact]
    public void Evaluate_WithNoValuesAtAll_IsLevel0_AndListsLevel1sCriteriaAsMissing()
    {
        var result = Evaluator.Evaluate("00004", CriterionScope.Commune, new Observation?[Framework.Criteria.Count]);

        Assert.Equal((0, 5), (result.Level, result.AttainableLevel));
        Assert.Equal(
            Framework.Criteria.Where(c => c.Scope == CriterionScope.Commune && c.At(1) is not null).Select(c => c.Code).Order(StringComparer.Ordinal),
            result.Missing.Select(c => c.Code));
    }

    /// <summary>Raising any percentage never lowers a level: random units, each percentage raised in turn.</summary>
    [Fact]
    public void Property_RaisingAnyPercentage_NeverLowersTheLevel()
    {
        var random = new Random(2361);
        var percentCriteria = Framework.Criteria.Where(c => c.Scope == CriterionScope.Commune && c.Measure == Measure.Percent).ToList();
        for (var unit = 0; unit < 300; unit++)
        {
            var values = RandomValues(random);
            var before = Evaluator.Evaluate("u", CriterionScope.Commune, values);
            foreach (var criterion in percentCriteria)
            {
                var raised = (Observation?[])values.Clone();
                var current = values[criterion.Index]?.Rate ?? 0;
                raised[criterion.Index] = new Observation(current + ((100 - current) * (decimal)random.NextDouble()));

                var after = Evaluator.Evaluate("u", CriterionScope.Commune, raised);

                Assert.True(after.Level >= before.Level, $"raising {criterion.Code} from {current} lowered level {before.Level} to {after.Level}");
                Assert.True(after.AttainableLevel >= before.AttainableLevel || values[criterion.Index] is null);
            }
        }
    }

    /// <summary>Values drawn around the thresholds, so units land on every level; some missing.</summary>
    private static Observation?[] RandomValues(Random random)
    {
        var values = new Observation?[Framework.Criteria.Count];
        foreach (var criterion in Framework.Criteria.Where(c => c.Scope == CriterionScope.Commune))
        {
            if (random.NextDouble() < 0.05)
            {
                continue;
            }

            values[criterion.Index] = criterion.Measure switch
            {
                Measure.Percent => new Observation(Math.Round((decimal)(30 + (random.NextDouble() * 70)), 2)),
                Measure.YesNo => random.NextDouble() < 0.85 ? Observation.Yes : Observation.No,
                _ => new Observation(random.Next(0, 4), random.Next(0, 2) == 0 ? null : random.Next(3, 6)),
            };
        }

        return values;
    }
}
