using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>One current record of <c>intake.record</c> for the source and period being loaded, with its lineage.</summary>
/// <param name="RunId">The intake run that last changed the record.</param>
/// <param name="Simulated">That run pulled from a bundled simulator.</param>
public sealed record IntakeRow(
    string Stream,
    UnitKey Unit,
    string Indicator,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    ValueUnit ValueUnit,
    long PayloadId,
    string RecordRef,
    long RunId,
    bool Simulated)
{
    /// <summary>The raw record reference as facts carry it: the payload and the place in it.</summary>
    public string Lineage => $"payload {PayloadId}: {RecordRef}";
}
