using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// After a load commits: the unit index's summaries of the pages it wrote, and fresh planner statistics when it
/// changed a good part of fact.value.
/// <list type="bullet">
/// <item>Pages written since the last summary are read whole by every read by unit until they are summarised
/// (sql/0014); summarising them reads those pages alone (30 ms for a 132,840-fact period).</item>
/// <item>A first load into an empty table leaves the planner without statistics until autovacuum comes by, and the
/// analyst views then plan as if the table were tiny (a 0.4 s query measured at 68 s). Analysing after every load of
/// a large table costs time every load, so only when the change is at least a tenth of the table, the share at which
/// autovacuum would analyse (the merge itself does not depend on statistics: <see cref="FactMergeStatement"/>). The
/// columns analysed and the sample are kept small (sql/0014): 0.01-0.03 s.</item>
/// </list>
/// </summary>
internal static class FactStatistics
{
    private const int ManyChanges = 5_000;
    private const double ShareOfTable = 0.1;

    public static async Task RefreshAfterAsync(NpgsqlConnection connection, int inserted, int revised, int withdrawn, CancellationToken ct)
    {
        if (inserted + revised > 0)
        {
            await UnlessBusyAsync(connection, "select fact.summarise_new_fact_pages()", ct);
        }

        var changes = inserted + revised + withdrawn;
        if (changes < ManyChanges)
        {
            return;
        }

        // reltuples is -1 (never analysed) or the row count at the last analyse.
        var rows = await connection.ExecuteScalarAsync<double>(new CommandDefinition(
            "select greatest(reltuples, 0)::float8 from pg_class where oid = 'fact.value'::regclass", cancellationToken: ct));
        if (changes >= rows * ShareOfTable)
        {
            await UnlessBusyAsync(connection, "analyze fact.value", ct);
        }
    }

    /// <summary>
    /// Both take the lock a vacuum or an analyse holds, and a load that waited for autovacuum's waited a second, until
    /// the server cancelled it (deadlock_timeout; seen under two loads at once). Whoever holds the lock is doing the same
    /// work (a vacuum summarises the new pages too, and analyses at the same share of changes), so a load that cannot
    /// have it at once leaves it to them.
    /// </summary>
    private static async Task UnlessBusyAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("set local lock_timeout = '50ms'", transaction: transaction, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 0, cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.RollbackAsync(ct);
        }
    }
}
