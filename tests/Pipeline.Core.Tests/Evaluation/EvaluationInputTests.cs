using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>Each kind of bad input is refused with the file, the line and the problem.</summary>
public sealed class EvaluationInputTests
{
    [Theory]
    [InlineData("99999,X.CQS.01,50,", "unit_code '99999' is not a unit of the 2024 map")]
    [InlineData("21283,X.CQS.99,50,", "criterion 'X.CQS.99' is not in framework qd2361")]
    [InlineData("21283,X.CQS.01,fifty,", "value 'fifty' is not a number")]
    [InlineData("21283,X.CQS.01,101,", "percentage 101 is outside 0..100")]
    [InlineData("21283,X.CQS.01,9,8", "count 9 of 8 is not between 0 and a positive denominator")]
    [InlineData("21283,X.CQS.12,maybe,", "'maybe' is not yes/no")]
    [InlineData("21283,X.CQS.07,1.5,", "'1.5' is not a whole number")]
    [InlineData("21283,H.CQS.01,90,", "H.CQS.01 is a district criterion but 21283 is a commune")]
    [InlineData("528,H.CHUNG.01,1,", "computed, never input")]
    [InlineData("21283,X.CQS.01,50,\n21283,X.CQS.01,60,", "a second row for unit 21283 and criterion X.CQS.01")]
    public void Read_RefusesBadInput_NamingFileLineAndProblem(string rows, string problem)
    {
        var error = ReadQd2361(Era.Y2024, rows);

        var last = error.Problems.Single();
        Assert.Equal(1 + rows.Split('\n').Length, last.Line);
        Assert.EndsWith(".csv", last.File, StringComparison.Ordinal);
        Assert.Contains(problem, last.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_AppliesTheSameChecks_NamingTheOriginAndRow()
    {
        var error = Assert.Throws<BadInputException>(() => EvaluationInput.FromRows(
            [("00004", "X.CQS.01", "50", "100"), ("00004", "X.XHS.04", "9", "8")],
            "analytics.criterion_inputs_qd2361",
            Frameworks.Qd2361,
            Frameworks.Units2025,
            LevelRun.UnitProblem));

        var problem = error.Problems.Single();
        Assert.Equal(("analytics.criterion_inputs_qd2361", (long?)2), (problem.File, problem.Line));
        Assert.Contains("count 9 of 8", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDistrictsOfCommunes_AddsEachCommunesDistrictOnce_SoTheRunRollsItUp()
    {
        // 00004 Trúc Bạch and 00001 Phúc Xá are communes of Ba Đình (001) on the 2024 map; 00091 Phú Thượng is in Tây Hồ (003).
        var input = EvaluationInput.FromRows(
            [("00004", "X.CQS.01", "50", "100"), ("00001", "X.CQS.01", "60", "100"), ("00091", "X.CQS.01", "70", "100")],
            "rows",
            Frameworks.Qd2361,
            Frameworks.Units2024,
            LevelRun.UnitProblem).WithDistrictsOfCommunes(Frameworks.Units2024);

        var results = LevelRun.Evaluate(new LevelEvaluator(Frameworks.Qd2361), input, Frameworks.Units2024);

        Assert.Equal(["00004", "00001", "00091", "001", "003"], input.Units.Select(u => u.Code));
        Assert.Equal(["00004", "00001", "00091", "001", "003"], results.Select(r => r.Result.UnitCode));
        // The district has no rows of its own: its criteria are missing, H.CHUNG.01 excepted (rolled up, so observed).
        var rollup = Frameworks.Qd2361.AllCriteria.Single(c => c.Code == "H.CHUNG.01").Index;
        Assert.NotNull(results[3].Values[rollup]);
        Assert.DoesNotContain(results[3].Result.Missing, c => c.Code == "H.CHUNG.01");
    }

    [Fact]
    public void FromRows_GivesTheObservationsReadWouldGive()
    {
        var input = EvaluationInput.FromRows(
            [("00004", "X.CQS.01", "50", "100"), ("00004", "X.CQS.14", "1", null)],
            "rows",
            Frameworks.Qd2361,
            Frameworks.Units2025,
            LevelRun.UnitProblem);

        var values = input.ValuesOf("00004", Frameworks.Qd2361.AllCriteria.Count);
        Assert.Equal(50m, values[Frameworks.Qd2361.AllCriteria.Single(c => c.Code == "X.CQS.01").Index]!.Value.Rate);
        Assert.True(values[Frameworks.Qd2361.AllCriteria.Single(c => c.Code == "X.CQS.14").Index]!.Value.IsYes);
    }

    [Fact]
    public void Read_RefusesDistrictCriteriaInEra2025()
    {
        var error = ReadQd2361(Era.Y2025, "00004,H.CQS.01,90,");

        Assert.Contains("district criterion H.CQS.01 in era 2025", error.Problems.Single().Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeepsCodeEras_00004IsTrucBachIn2024AndBaDinhIn2025()
    {
        using var file = new TempCsv("unit_code,criterion,value\n00004,X.CQS.01,50");

        var in2024 = EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2024, LevelRun.UnitProblem);
        var in2025 = EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2025, LevelRun.UnitProblem);

        Assert.Equal("Phường Trúc Bạch", in2024.Units.Single().Name);
        Assert.Equal("Phường Ba Đình", in2025.Units.Single().Name);
    }

    [Fact]
    public void Read_TakesAnEmptyValueAsMissing_AndTheDenominatorColumnIsOptional()
    {
        using var file = new TempCsv("unit_code,criterion,value\n21283,X.CQS.01,\n21283,X.CQS.12,Có");

        var input = EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2024, LevelRun.UnitProblem);

        var values = input.ValuesOf("21283", Frameworks.Qd2361.Criteria.Count);
        Assert.Null(values[Frameworks.IndexOf(Frameworks.Qd2361, "X.CQS.01")]);
        Assert.True(values[Frameworks.IndexOf(Frameworks.Qd2361, "X.CQS.12")]!.Value.IsYes);
    }

    [Fact]
    public void Read_RefusesAWrongHeader()
    {
        using var file = new TempCsv("unit,criterion,value\n21283,X.CQS.01,50");

        var error = Assert.Throws<BadInputException>(() =>
            EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2024, LevelRun.UnitProblem));

        Assert.Equal(1L, error.Problems.Single().Line);
    }

    [Theory]
    [InlineData("21283,X.XHS.01,62,100,54,", "low and high come together")]
    [InlineData("21283,X.XHS.01,62,100,70,80", "bounds 70..80 do not hold the value 62")]
    [InlineData("21283,X.XHS.01,62,100,54,101", "count 101 of 100 is not between 0 and a positive denominator")]
    [InlineData("21283,X.XHS.01,,,54,71", "bounds without a value")]
    [InlineData("21283,X.CQS.12,yes,,0,1", "a yes/no criterion takes no bounds")]
    public void Read_RefusesBadBounds_NamingFileLineAndProblem(string row, string problem)
    {
        using var file = new TempCsv("unit_code,criterion,value,denominator,low,high\n" + row);

        var error = Assert.Throws<BadInputException>(() => EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2024, LevelRun.UnitProblem));

        var only = error.Problems.Single();
        Assert.Equal(2, only.Line);
        Assert.Contains(problem, only.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesBounds_AndSaysTheInputHasThem()
    {
        using var file = new TempCsv("unit_code,criterion,value,denominator,low,high\n00004,X.XHS.01,62,100,54,71\n00004,X.CQS.01,50,100,,");

        var input = EvaluationInput.Read(file.Path, Frameworks.Qd2361, Frameworks.Units2024, LevelRun.UnitProblem);

        var values = input.ValuesOf("00004", Frameworks.Qd2361.AllCriteria.Count);
        Assert.True(input.HasBounds);
        Assert.Equal(new ValueBounds(54, 71), values[Frameworks.IndexOf(Frameworks.Qd2361, "X.XHS.01")]!.Value.Bounds);
        Assert.Null(values[Frameworks.IndexOf(Frameworks.Qd2361, "X.CQS.01")]!.Value.Bounds);
    }

    [Fact]
    public void Read_RefusesBounds_ForAFrameworkThatComparesSingleValues()
    {
        // 24611 Phường Nghĩa Đức, Gia Nghĩa, Đắk Nông (2024 map).
        using var file = new TempCsv("unit_code,criterion,value,denominator,low,high\n24611,DN151.CDS.HTS.01,75,,70,80");

        var error = Assert.Throws<BadInputException>(() => EvaluationInput.Read(file.Path, Frameworks.Dn151, Frameworks.Units2024, new SetEvaluator(Frameworks.Dn151).UnitProblem));

        Assert.Contains("levels frameworks only", error.Problems.Single().Problem, StringComparison.Ordinal);
    }

    private static BadInputException ReadQd2361(Era era, string rows)
    {
        using var file = new TempCsv("unit_code,criterion,value,denominator\n" + rows);
        var units = era == Era.Y2024 ? Frameworks.Units2024 : Frameworks.Units2025;
        return Assert.Throws<BadInputException>(() => EvaluationInput.Read(file.Path, Frameworks.Qd2361, units, LevelRun.UnitProblem));
    }
}
