namespace Pipeline.Warehouse;

/// <summary>Named queries that callers outside this assembly run themselves (Dapper over plain SQL).</summary>
public static class WarehouseQueries
{
    public static string UnitSummary => SqlResources.Query("unit_summary");

    /// <summary>Periods a source has intake records for (<c>@source</c>).</summary>
    public static string IntakePeriods => SqlResources.Query("intake_periods");

    /// <summary>(source, period) pairs with open load quarantine (<c>@source</c> or null for all).</summary>
    public static string OpenQuarantinePeriods => SqlResources.Query("open_quarantine_periods");

    /// <summary>Pull and load runs, newest first (<c>@source</c>, <c>@limit</c>).</summary>
    public static string ListRuns => SqlResources.Query("list_runs");

    public static string QuarantineSummary => SqlResources.Query("quarantine_summary");

    public static string ListLoadQuarantine => SqlResources.Query("list_load_quarantine");

    public static string ListPullQuarantine => SqlResources.Query("list_pull_quarantine");

    public static string UpsertStewardMapping => SqlResources.Query("upsert_steward_mapping");

    public static string CountIntakeKey => SqlResources.Query("count_intake_key");

    /// <summary>2361 criterion values of one year (<c>@year</c>), as evaluate reads them.</summary>
    public static string CriterionInputsForYear => SqlResources.Query("criterion_inputs_for_year");

    /// <summary>Stored levels with province names (<c>@framework</c>, <c>@era</c>, <c>@year</c>).</summary>
    public static string LevelsForYear => SqlResources.Query("levels_for_year");

    /// <summary>Whether a year was ever evaluated (<c>@framework</c>, <c>@year</c>).</summary>
    public static string HasLevels => SqlResources.Query("has_levels");

    /// <summary>Conflicts with unit names and source values (<c>@status</c>, <c>@province</c>, <c>@measure</c>, <c>@period</c>, <c>@limit</c>).</summary>
    public static string ListConflicts => SqlResources.Query("list_conflicts");

    /// <summary>Compared values per measure, period and status.</summary>
    public static string ConflictSummary => SqlResources.Query("conflict_summary");
}
