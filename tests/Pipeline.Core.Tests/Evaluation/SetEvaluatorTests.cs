using Pipeline.Core.Evaluation;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>Đắk Nông 151: Xã and Phường/Thị trấn columns, and "nâng cao" only for a commune already recognised.</summary>
public sealed class SetEvaluatorTests
{
    private static readonly SetFramework Framework = Frameworks.Dn151;
    private static readonly SetEvaluator Evaluator = new(Framework);

    [Fact]
    public void Smartphones75Percent_RecognisesAXa_ButNotAPhuong()
    {
        var xa = Unit("Xã");
        var phuong = Unit("Phường");
        // DN151.CDS.HTS.01 needs 70 for a Xã, 80 for a Phường/thị trấn.
        var values = AllMet(set: "CDS", column: "phuong");
        values[Frameworks.IndexOf(Framework, "DN151.CDS.HTS.01")] = new Observation(75);

        var asXa = Evaluator.Evaluate(xa, values);
        var asPhuong = Evaluator.Evaluate(phuong, values);

        Assert.Equal(["CDS"], asXa.PassedSets);
        Assert.Empty(asPhuong.PassedSets);
        Assert.Equal(["DN151.CDS.HTS.01"], asPhuong.Blocking.Select(c => c.Code));
    }

    [Fact]
    public void AdvancedNeedsRecognition_EvenWhenEveryNcCriterionIsMet()
    {
        var values = AllMet(set: "NC", column: "xa");

        var result = Evaluator.Evaluate(Unit("Xã"), values);

        Assert.Empty(result.PassedSets);
        Assert.Equal("CDS", result.NextSet);
        Assert.Equal(Framework.Criteria.Count(c => c.Set == "CDS"), result.Missing.Count);
    }

    [Fact]
    public void RecognisedAndAdvanced_WhenBothSetsAreMet()
    {
        var values = AllMet("CDS", "xa");
        var nc = AllMet("NC", "xa");
        for (var i = 0; i < values.Length; i++)
        {
            values[i] ??= nc[i];
        }

        var result = Evaluator.Evaluate(Unit("Xã"), values);

        Assert.Equal(["CDS", "NC"], result.PassedSets);
        Assert.Empty(result.Blocking);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Recognised_ButNotAdvanced_ListsTheNcCriteria()
    {
        var result = Evaluator.Evaluate(Unit("Thị trấn"), AllMet("CDS", "phuong"));

        Assert.Equal(["CDS"], result.PassedSets);
        Assert.Equal("NC", result.NextSet);
        Assert.All(result.Missing, c => Assert.Equal("NC", c.Set));
    }

    [Fact]
    public void AUnitOutsideDakNong_IsRefused()
    {
        var outside = Frameworks.Units2024.Find("21283")!; // Quảng Ngãi

        Assert.Contains("outside province 67", Evaluator.UnitProblem(outside, Framework.Criteria[0]), StringComparison.Ordinal);
    }

    /// <summary>A commune of Đắk Nông (districts 660..667 on the 2024 map) of the given type.</summary>
    private static Units.AdminUnit Unit(string type) =>
        Enumerable.Range(660, 8).SelectMany(d => Frameworks.Units2024.CommunesOf(d.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .First(u => u.ProvinceCode == "67" && u.Type == type);

    private static Observation?[] AllMet(string set, string column)
    {
        var values = new Observation?[Framework.Criteria.Count];
        foreach (var criterion in Framework.Criteria.Where(c => c.Set == set))
        {
            values[criterion.Index] = criterion.Measure == Measure.YesNo ? Observation.Yes : new Observation(criterion.Cells[column]!.Min!.Value);
        }

        return values;
    }
}
