namespace Pipeline.Warehouse.Prefill;

/// <summary>
/// A commune's self-assessment for one year, pre-filled: every commune criterion of the framework with its value and
/// where it came from, and the level the stored evaluation gives with what blocks the next one.
/// </summary>
/// <param name="Level">The stored level (null when the year was not evaluated yet).</param>
/// <param name="Blocking">Criteria of the next level measured and unmet.</param>
/// <param name="Missing">Criteria of the next level with no value.</param>
public sealed record CommunePrefill(
    string Framework,
    int Year,
    string UnitCode,
    string UnitName,
    string ProvinceCode,
    string ProvinceName,
    int? Level,
    string? LevelName,
    int? AttainableLevel,
    IReadOnlyList<string> Blocking,
    IReadOnlyList<string> Missing,
    IReadOnlyList<PrefilledCriterion> Criteria)
{
    /// <summary>Criteria of the next level whose bounds straddle its threshold: neither met nor blocking.</summary>
    public IReadOnlyList<string> Undetermined { get; init; } = [];
}

/// <summary>One criterion's line of the form.</summary>
/// <param name="Status">automatic, attested, conflict_pending or missing (<see cref="PrefillStatus"/>).</param>
/// <param name="Source">The sources and how the value was chosen, or the attesting file and row.</param>
/// <param name="AsOf">The end of the latest period the value rests on, or the attestation's date.</param>
/// <param name="Evidence">Source record references with payload SHA-256, or the attested evidence link.</param>
public sealed record PrefilledCriterion(
    string Code,
    string Name,
    string Group,
    string? Unit,
    string Measure,
    decimal? Value,
    decimal? Denominator,
    string Status,
    string? Source,
    DateOnly? AsOf,
    string? Evidence,
    bool Simulated)
{
    /// <summary>With <see cref="High"/>, the bounds of a value combined from parts (operators' counts); null otherwise.</summary>
    public decimal? Low { get; init; }

    public decimal? High { get; init; }

    /// <summary>Why a measured value does not decide the criterion, when it does not: "undetermined: 54%-71% against 60% needed for level 2", "parts incomplete: ...".</summary>
    public string? Note { get; init; }

    /// <summary>The rate in percent: a count over its denominator, or a percentage criterion's value as given.</summary>
    public decimal? Percent => Value is { } v && Denominator is > 0 ? Math.Round(v * 100 / Denominator.Value, 2)
        : Measure == nameof(Core.Evaluation.Measure.Percent) ? Value : null;
}

/// <summary>The status of a pre-filled value (the four).</summary>
public static class PrefillStatus
{
    public const string Automatic = "automatic";
    public const string Attested = "attested";
    public const string ConflictPending = "conflict_pending";
    public const string Missing = "missing";
}
