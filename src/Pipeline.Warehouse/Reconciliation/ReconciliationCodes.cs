namespace Pipeline.Warehouse.Reconciliation;

/// <summary>The states of a <c>fact.reconciliation</c> row (the table's comment says what each means).</summary>
public static class ReconciliationStatus
{
    public const string Agreed = "agreed";
    public const string Settled = "settled";
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string Withdrawn = "withdrawn";

    /// <summary>The states in which the values conflict.</summary>
    public static readonly IReadOnlyList<string> Conflicts = [Settled, Open, Resolved];
}

/// <summary>Why a row has its status: stored in <c>reason</c> and in every event, so a report can count them.</summary>
public static class ReconciliationReasons
{
    public const string WithinTolerance = "within_tolerance";
    public const string SourceOrder = "source_order";
    public const string SourceOrderIncomplete = "source_order_incomplete";
    public const string LargestComplete = "largest_complete";
    public const string LargestIncomplete = "largest_incomplete";
    public const string BeyondStewardThreshold = "beyond_steward_threshold";
    public const string StewardPolicy = "steward_policy";
    public const string NoSourceInOrder = "no_source_in_order";
    public const string SourceRevised = "source_revised";
    public const string FewerThanTwoValues = "fewer_than_two_values";
    public const string StewardAccepted = "steward_accepted";
    public const string StewardOverride = "steward_override";
}

/// <summary>What an event in <c>fact.reconciliation_event</c> records.</summary>
public static class ReconciliationActions
{
    public const string Detected = "detected";
    public const string ValuesChanged = "values_changed";
    public const string Reopened = "reopened";
    public const string Withdrawn = "withdrawn";
    public const string Accepted = "accepted";
    public const string Overridden = "overridden";
}

/// <summary>The precedence policies of <c>fact.measure.policy</c>.</summary>
public static class PrecedencePolicies
{
    public const string OrderedSources = "ordered_sources";
    public const string Largest = "largest";
    public const string Steward = "steward";
}
