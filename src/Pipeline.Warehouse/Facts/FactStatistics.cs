using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// Fresh planner statistics after a load that changed a good part of fact.value. A first load into an empty table
/// leaves the planner without statistics until autovacuum comes by, and the analyst views then plan as if the table
/// were tiny (a 0.4 s query measured at 68 s). Analysing after every load of a large table costs time every load, so
/// only when the change is at least a tenth of the table, the share at which autovacuum would analyse (the merge
/// itself does not depend on statistics: <see cref="FactMergeStatement"/>). The columns analysed and the sample are
/// kept small (sql/0014): 0.01-0.03 s.
/// </summary>
internal static class FactStatistics
{
    private const int ManyChanges = 5_000;
    private const double ShareOfTable = 0.1;

    public static async Task RefreshAfterAsync(NpgsqlConnection connection, int inserted, int revised, int withdrawn, CancellationToken ct)
    {
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
            await connection.ExecuteAsync(new CommandDefinition("analyze fact.value", commandTimeout: 0, cancellationToken: ct));
        }
    }
}
