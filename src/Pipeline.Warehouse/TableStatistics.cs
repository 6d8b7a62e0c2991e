using Dapper;
using Npgsql;

namespace Pipeline.Warehouse;

/// <summary>
/// Fresh planner statistics after a write that changed a good part of a table. A first load into an empty table leaves
/// the planner without statistics until autovacuum comes by (up to a minute), and the queries that follow in the same
/// job then plan as if the table were tiny: an analyst view measured at 68 s instead of 0.4 s; the demo's conflict
/// listing ran past its 30 s timeout on 183,657 reconciliations autovacuum had not analysed yet. Analysing after every
/// write of a large table costs time every write, so only when the change is at least a tenth of the table, the share
/// at which autovacuum would analyse.
/// </summary>
internal static class TableStatistics
{
    private const int ManyChanges = 5_000;
    private const double ShareOfTable = 0.1;

    /// <param name="table">A table of the warehouse's own, schema-qualified (not input: it is put into the statement).</param>
    public static async Task RefreshAfterAsync(NpgsqlConnection connection, string table, long changes, CancellationToken ct)
    {
        if (changes < ManyChanges)
        {
            return;
        }

        var rows = await connection.ExecuteScalarAsync<double>(new CommandDefinition(
            SqlResources.Query("table_row_estimate"), new { table }, cancellationToken: ct));
        if (changes >= rows * ShareOfTable)
        {
            // The one statement built in code: analyze takes no parameter for its table.
            await UnlessBusyAsync(connection, $"analyze {table}", ct);
        }
    }

    /// <summary>
    /// For statements that take the lock a vacuum or an analyse holds: a write that waited for autovacuum's waited a
    /// second, until the server cancelled it (deadlock_timeout; seen under two loads at once). Whoever holds the lock is
    /// doing the same work (a vacuum summarises new BRIN pages too, and analyses at the same share of changes), so a
    /// write that cannot have it at once leaves it to them.
    /// </summary>
    public static async Task UnlessBusyAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("set_short_lock_timeout"), transaction: transaction, cancellationToken: ct));
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
