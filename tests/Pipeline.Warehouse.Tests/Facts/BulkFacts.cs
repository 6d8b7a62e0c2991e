using Dapper;
using Npgsql;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>Facts for the tests that write through FactBulkMerge: an indicator and an intake run of the test class's own.</summary>
internal static class BulkFacts
{
    /// <summary>An indicator nothing but the class's facts refers to (the product's are in other tables too), and a run.</summary>
    public static async Task<(string Indicator, long Run)> IndicatorAndRunAsync(NpgsqlDataSource db, string name)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "insert into fact.indicator (indicator, title, folding, combining, note) values (@name, 'Tests (SIMULATED)', 'stock', 'sum', 'tests') on conflict do nothing",
            new { name });
        var run = await connection.ExecuteScalarAsync<long>(
            "insert into intake.run (source, period, started_at, finished_at, status, simulated) values (@name, '2025-10', now(), now(), 'succeeded', true) returning run_id",
            new { name });
        return (name, run);
    }

    public static Fact Of(string unit, string indicator, long run, decimal numerator, decimal denominator, string recordRef) =>
        new("s", Era.Y2025, unit, indicator, numerator, denominator, null, ValueUnit.Count, true, true, [unit], [recordRef], run);
}
