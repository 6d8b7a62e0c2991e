namespace Pipeline.Warehouse;

/// <summary>Named read queries that callers outside this assembly run themselves (Dapper over plain SQL).</summary>
public static class WarehouseQueries
{
    public static string UnitSummary => SqlResources.Query("unit_summary");
}
