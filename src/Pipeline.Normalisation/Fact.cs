using Pipeline.Core.Units;
using Pipeline.Intake;

namespace Pipeline.Normalisation;

/// <summary>
/// One warehouse fact of the source and period being loaded: a unit (era, code), an indicator, its counts, and the
/// lineage of the intake records behind it (several when old communes were rebased or facilities summed).
/// </summary>
/// <param name="Complete">False when a rebased value lacks a predecessor commune or was touched by an unallocated split.</param>
public sealed record Fact(
    string Stream,
    Era Era,
    string UnitCode,
    string Indicator,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    ValueUnit ValueUnit,
    bool Complete,
    bool Simulated,
    IReadOnlyList<string> UnitKeys,
    IReadOnlyList<string> RecordRefs,
    long IntakeRunId);

/// <summary>An intake record the normaliser could not place, with the reason code and candidate unit codes.</summary>
public sealed record QuarantinedRow(IntakeRow Row, string Reason, string Detail, IReadOnlyList<string> Candidates);

/// <summary>Everything one load produces from the intake records of one source and period.</summary>
/// <param name="LabelMappings">Source ids placed through their labels: written to <c>fact.unit_mapping</c> for stewards to see.</param>
public sealed record Assembled(IReadOnlyList<Fact> Facts, IReadOnlyList<QuarantinedRow> Quarantined, IReadOnlyList<UnitMapping> LabelMappings);
