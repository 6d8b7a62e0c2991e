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
}
