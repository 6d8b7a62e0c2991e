using Dapper;
using Npgsql;
using Pipeline.Core.Periods;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// merge_facts.sql over the staged facts of one (source, period), inside the caller's transaction. Nested loops are
/// off for it: a period loaded moments ago is absent from the planner's statistics until the next analyse, so the
/// planner takes it for empty, and its nested loops over the period's 132,840 facts ran for minutes; hash joins over
/// one period cost a fraction of a second whatever the estimate.
/// </summary>
internal static class FactMergeStatement
{
    public static async Task<FactMergeCounts> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, Period period, long loadRunId, DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Facts/set_nestloop"), new { enabled = "off" }, transaction, cancellationToken: ct));
        // As long as the period's size needs (or a concurrent reader's lock): no 30 s command timeout; the caller's
        // cancellation token stops it.
        var counts = await connection.QuerySingleAsync<FactMergeCounts>(new CommandDefinition(
            SqlResources.Query("Facts/merge_facts"),
            new
            {
                source,
                period = period.ToString(),
                period_start = period.Start,
                period_end = period.End,
                load_run_id = loadRunId,
                now,
            },
            transaction,
            commandTimeout: 0,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Facts/set_nestloop"), new { enabled = "on" }, transaction, cancellationToken: ct));
        return counts;
    }
}
