using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>Pins the transcription of the legal texts: counts per group and a handful of cells checked by hand against the seeds.</summary>
public sealed class FrameworkFileTests
{
    [Fact]
    public void Qd2361_HasTheCriteriaCountsOfPhuLucIAndII()
    {
        var counts = Frameworks.Qd2361.Criteria.GroupBy(c => (c.Scope, c.Group)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(24, counts[(CriterionScope.Commune, "CQS")]);
        Assert.Equal(5, counts[(CriterionScope.Commune, "KTS")]);
        Assert.Equal(9, counts[(CriterionScope.Commune, "XHS")]);
        Assert.Equal(1, counts[(CriterionScope.District, "CHUNG")]);
        Assert.Equal(22, counts[(CriterionScope.District, "CQS")]);
        Assert.Equal(6, counts[(CriterionScope.District, "KTS")]);
        Assert.Equal(4, counts[(CriterionScope.District, "XHS")]);
    }

    [Fact]
    public void Qd2361_NamesItsInstrumentAndLevels()
    {
        var info = Frameworks.Qd2361.Info;

        Assert.Equal(("Quyết định số 2361/QĐ-BTTTT", new DateOnly(2024, 12, 31)), (info.Instrument, info.EffectiveFrom));
        Assert.Equal(["Khởi động", "Kết nối", "Cơ bản", "Nâng cao", "Toàn diện"], Frameworks.Qd2361.LevelNames);
    }

    [Theory]
    // Phụ lục I row CQS 1: 50% 60% 70% 100% 100%
    [InlineData("X.CQS.01", "percent", "50,60,70,100,100")]
    // CQS 2: 20% 30% 50% 80% 90%
    [InlineData("X.CQS.02", "percent", "20,30,50,80,90")]
    // CQS 4: Không áp dụng x2, then "Có sử dụng hệ thống"
    [InlineData("X.CQS.04", "yesNo", "-,-,y,y,y")]
    // CQS 7: "Tối thiểu 01 nhân sự" four times, then 02
    [InlineData("X.CQS.07", "count", "1,1,1,1,2")]
    // CQS 11: Không áp dụng, 40% 60% 80% 100%
    [InlineData("X.CQS.11", "percent", "-,40,60,80,100")]
    // CQS 14: postal service point from level 2
    [InlineData("X.CQS.14", "yesNo", "-,y,y,y,y")]
    // KTS 4: 1, 2, "3 ... trở lên hoặc 100%"
    [InlineData("X.KTS.04", "enterprises", "-,-,1,2,3+all")]
    // Phụ lục II CQS 1: 70% 80% 90% 100% 100%
    [InlineData("H.CQS.01", "percent", "70,80,90,100,100")]
    public void Qd2361_Cells_MatchTheSeed(string code, string measure, string cells)
    {
        var criterion = (LevelCriterion)Frameworks.Qd2361.Find(code)!;

        Assert.Equal(Measures.Parse(measure), criterion.Measure);
        Assert.Equal(cells, string.Join(',', criterion.Cells.Select(Describe)));
    }

    [Fact]
    public void Qd2361_DistrictRollup_IsAllAtLevelBelowAndHalfAtTheLevel()
    {
        var rollup = (LevelCriterion)Frameworks.Qd2361.Find("H.CHUNG.01")!;

        Assert.Equal(Measure.CommuneRollup, rollup.Measure);
        Assert.Equal((1, (decimal?)null), (rollup.At(1)!.AllAtLeastLevel!.Value, rollup.At(1)!.SharePercent));
        Assert.All(Enumerable.Range(2, 4), l => Assert.Equal((l - 1, 50m, l), (rollup.At(l)!.AllAtLeastLevel!.Value, rollup.At(l)!.SharePercent!.Value, rollup.At(l)!.ShareAtLeastLevel!.Value)));
    }

    [Fact]
    public void Dn151_HasTwoSetsWithTheirCountsAndTwoColumns()
    {
        var framework = Frameworks.Dn151;
        var counts = framework.Criteria.GroupBy(c => (c.Set, c.Group)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([7, 6, 3, 9], new[] { "HTS", "CQS", "KTS", "XHS" }.Select(g => counts[("CDS", g)]));
        Assert.Equal([5, 4, 2, 5], new[] { "HTS", "CQS", "KTS", "XHS" }.Select(g => counts[("NC", g)]));
        Assert.Equal(("67", Units.Era.Y2024), (framework.Info.ProvinceCode, framework.Info.Era!.Value));
        // Phụ lục 01, Hạ tầng số 1: smartphones, 70 for Xã, 80 for Phường/thị trấn.
        var smartphones = (SetCriterion)framework.Find("DN151.CDS.HTS.01")!;
        Assert.Equal((70m, 80m), (smartphones.Cells["xa"]!.Min!.Value, smartphones.Cells["phuong"]!.Min!.Value));
        Assert.Equal("CDS", framework.Sets.Single(s => s.Id == "NC").Requires);
    }

    [Fact]
    public void Dti_ChildrenOfEverySumAddUpToTheirParent()
    {
        var framework = Frameworks.Dti;

        foreach (var parent in framework.Criteria.Where(c => c.Scoring is SumScoring))
        {
            var children = ((SumScoring)parent.Scoring).Of.Sum(code => ((PointCriterion)framework.Find(code)!).MaxPoints);
            Assert.Equal(parent.MaxPoints, children);
        }

        Assert.Equal(framework.Groups.Sum(g => g.MaxPoints), framework.MaxPoints);
    }

    [Fact]
    public void Reader_RefusesAMalformedFile_NamingFileAndProblem()
    {
        var json = """{ "id": "x", "version": "1.0", "kind": "levels", "title": "t", "instrument": "i", "issuer": "s", "issuedOn": "2024-01-01", "effectiveFrom": "2024-01-01", "source": "s", "levels": [ {"name":"1"}, {"name":"2"}, {"name":"3"}, {"name":"4"}, {"name":"5"} ], "criteria": [ { "code": "X.CQS.01", "scope": "commune", "group": "CQS", "name": "n", "measure": "percent", "cells": [ {"text": "50%"}, null, null, null, null ] } ] }""";

        var error = Assert.Throws<BadInputException>(() => FrameworkReader.Read("bad.json", json));

        Assert.Equal("bad.json", error.Problems[0].File);
        Assert.Contains("X.CQS.01", error.Message, StringComparison.Ordinal);
        Assert.Contains("'min'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_RefusesBrokenJson_WithItsLine()
    {
        var error = Assert.Throws<BadInputException>(() => FrameworkReader.Read("broken.json", "{\n  \"id\": \"x\",\n  oops\n}"));

        Assert.Equal(("broken.json", 3L), (error.Problems[0].File, error.Problems[0].Line));
    }

    private static string Describe(Cell? cell) => cell switch
    {
        null => "-",
        { OrAll: true } => $"{cell.Min:0.##}+all",
        { Min: { } min } => min.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        _ => "y",
    };
}
