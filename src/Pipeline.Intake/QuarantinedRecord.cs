namespace Pipeline.Intake;

/// <summary>
/// A record the connector could not accept, kept with its raw text and a reason so nothing is dropped silently.
/// </summary>
/// <param name="RecordRef">Where it sits in the landed payload (<c>row 17</c>, <c>line 5</c>).</param>
/// <param name="Raw">The record as received (a JSON object or a CSV line).</param>
/// <param name="Reason">One of <see cref="QuarantineReasons"/>.</param>
/// <param name="Detail">What exactly is wrong, naming the field and value.</param>
public sealed record QuarantinedRecord(string RecordRef, string Raw, string Reason, string Detail);

/// <summary>The reason codes of the quarantine table; analysts filter on them, so they are stable.</summary>
public static class QuarantineReasons
{
    /// <summary>The unit key is not in the source's own unit list or the era's unit codes.</summary>
    public const string UnknownUnit = "unknown_unit";

    /// <summary>A second row for the same unit, indicator and period in one payload.</summary>
    public const string DuplicateRow = "duplicate_row";

    /// <summary>A value that does not parse or is out of range (negative count, numerator above denominator).</summary>
    public const string BadValue = "bad_value";

    /// <summary>A required field is empty.</summary>
    public const string MissingField = "missing_field";

    /// <summary>The row is for another period than the one requested.</summary>
    public const string WrongPeriod = "wrong_period";
}
