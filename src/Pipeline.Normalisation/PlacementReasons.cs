namespace Pipeline.Normalisation;

/// <summary>Why the normaliser could not place an intake record on a unit (<c>fact.quarantine.reason</c>); the
/// connectors' own refusals are <see cref="Intake.QuarantineReasons"/>.</summary>
public static class PlacementReasons
{
    /// <summary>A code that is not a commune of the era the source keys by.</summary>
    public const string UnknownUnit = "unknown_unit";

    /// <summary>A name (or a label's name) that fits no unit within its province and district.</summary>
    public const string UnmatchedUnit = "unmatched_unit";

    /// <summary>A name that fits several units: all are listed as candidates, none is chosen.</summary>
    public const string AmbiguousUnit = "ambiguous_unit";

    /// <summary>A source id with no steward mapping and no label the normaliser can read.</summary>
    public const string UnmappedKey = "unmapped_key";

    /// <summary>A 2025 unit reported for a period before 2025-07-01: a new commune cannot be divided among its predecessors.</summary>
    public const string EraMismatch = "era_mismatch";

    /// <summary>An old commune split across new ones with no primary target: not allocated, touched communes incomplete.</summary>
    public const string SplitWithoutPrimary = "split_without_primary";

    /// <summary>Two keys of one stream resolving to the same unit: adding them would count it twice.</summary>
    public const string DuplicateUnit = "duplicate_unit";

    /// <summary>A rate or score from several source units onto one unit: it cannot be summed.</summary>
    public const string NotCombinable = "not_combinable";

    /// <summary>An indicator the warehouse has no row for in <c>fact.indicator</c>.</summary>
    public const string UnknownIndicator = "unknown_indicator";
}
