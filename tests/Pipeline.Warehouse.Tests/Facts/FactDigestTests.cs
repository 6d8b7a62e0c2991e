using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Facts;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>
/// A load writes nothing when its facts have the digest the period's last load left, so the digest must change
/// whenever the merge would change a row, and only then.
/// </summary>
public sealed class FactDigestTests
{
    private static readonly Fact[] Facts =
    [
        Fact("00004", "eid_level2_accounts", 10, 20),
        Fact("00004", "population", 20, null),
        Fact("00025", "eid_level2_accounts", 3, 4),
    ];

    [Fact]
    public void TheSameFactsInAnotherOrder_HaveTheSameDigest()
    {
        Assert.Equal(FactDigest.Of(Facts), FactDigest.Of(Facts.Reverse()));
    }

    [Fact]
    public void AnyValueTheMergeCompares_ChangesTheDigest()
    {
        var digest = FactDigest.Of(Facts);
        Fact[] changed =
        [
            Facts[0] with { Numerator = 11 },
            Facts[0] with { Denominator = null },
            Facts[0] with { Value = 1 },
            Facts[0] with { ValueUnit = ValueUnit.Percent },
            Facts[0] with { Complete = false },
            Facts[0] with { Simulated = false },
            Facts[0] with { UnitKeys = ["00001", "00004"] },
            Facts[0] with { UnitCode = "00008" },
            Facts[0] with { Indicator = "households" },
            Facts[0] with { Stream = "b" },
            Facts[0] with { Era = Era.Y2024 },
        ];

        Assert.All(changed, fact => Assert.NotEqual(digest, FactDigest.Of([fact, Facts[1], Facts[2]])));
        Assert.NotEqual(digest, FactDigest.Of(Facts[..2]));
        Assert.NotEqual(digest, FactDigest.Of([.. Facts, Facts[0] with { UnitCode = "00070" }]));
    }

    [Fact]
    public void LineageAlone_DoesNotChangeTheDigest_AsTheMergeKeepsAFactWhoseValuesAreTheSame()
    {
        Fact[] relanded = [.. Facts.Select(f => f with { RecordRefs = ["payload 99: line 1"], IntakeRunId = 99 })];

        Assert.Equal(FactDigest.Of(Facts), FactDigest.Of(relanded));
    }

    [Fact]
    public void FieldsAreDelimited_SoMovingTextBetweenThemChangesTheDigest()
    {
        var a = Facts[0] with { UnitKeys = ["ab", "c"] };
        var b = Facts[0] with { UnitKeys = ["a", "bc"] };

        Assert.NotEqual(FactDigest.Of([a]), FactDigest.Of([b]));
    }

    private static Fact Fact(string unit, string indicator, decimal numerator, decimal? denominator) =>
        new("s", Era.Y2025, unit, indicator, numerator, denominator, null, ValueUnit.Count, true, true, [unit], [$"payload 1: {unit}"], 1);
}
