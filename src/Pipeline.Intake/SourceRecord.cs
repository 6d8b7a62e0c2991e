namespace Pipeline.Intake;

/// <summary>
/// One validated value from a source: a unit as the source keyed it, the source's indicator, the period, and the
/// counts. Counts go in <see cref="Numerator"/> and <see cref="Denominator"/> wherever the source gives them
/// (SPEC section 5); <see cref="Value"/> carries what the source publishes only as a rate, score or flag.
/// </summary>
/// <param name="Indicator">The source's indicator name, lower-case with underscores (<c>dossiers_fully_online</c>).</param>
/// <param name="RecordRef">Where the value sits in its landed payload (<c>row 17</c>, <c>line 5</c>), for lineage.</param>
public sealed record SourceRecord(
    UnitKey Unit,
    string Indicator,
    string Period,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    ValueUnit ValueUnit,
    string RecordRef);

/// <summary>What <see cref="SourceRecord.Value"/> (or the numerator) measures.</summary>
public enum ValueUnit
{
    /// <summary>A count, possibly over a denominator count.</summary>
    Count,

    /// <summary>A percentage in [0, 100] given by the source without the counts behind it.</summary>
    Percent,

    /// <summary>An index score (the 766 components), with its maximum as denominator when known.</summary>
    Score,

    /// <summary>Yes (1) or no (0).</summary>
    Flag,
}

public static class ValueUnits
{
    public static string ToText(this ValueUnit unit) => unit.ToString().ToLowerInvariant();
}
