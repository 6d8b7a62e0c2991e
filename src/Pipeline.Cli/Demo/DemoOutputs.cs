using Dapper;
using Npgsql;
using Pipeline.Cli.Evaluation;

namespace Pipeline.Cli.Demo;

/// <summary>The demo's tables under out/: the run history of pulls and loads, the open quarantine of both stages, and the conflicts between sources.</summary>
internal static class DemoOutputs
{
    public static async Task WriteAsync(NpgsqlDataSource warehouse, string outDirectory, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        await WriteAsync(connection, Path.Combine(outDirectory, "runs.csv"), Warehouse.WarehouseQueries.ListRuns, new { source = (string?)null, limit = 1000 }, ct);
        await WriteAsync(connection, Path.Combine(outDirectory, "quarantine.csv"), Warehouse.WarehouseQueries.ListLoadQuarantine, new { source = (string?)null, reason = (string?)null, limit = 1_000_000 }, ct);
        await WriteAsync(connection, Path.Combine(outDirectory, "quarantine_pull.csv"), Warehouse.WarehouseQueries.ListPullQuarantine, new { source = (string?)null, reason = (string?)null, limit = 1_000_000 }, ct);
        await WriteAsync(
            connection,
            Path.Combine(outDirectory, "conflicts.csv"),
            Warehouse.WarehouseQueries.ListConflicts,
            new { status = (string?)null, province = (string?)null, measure = (string?)null, period = (string?)null, limit = 1_000_000 },
            ct);
    }

    /// <summary>A query's rows as CSV, columns as the query names them.</summary>
    private static async Task WriteAsync(NpgsqlConnection connection, string path, string sql, object parameters, CancellationToken ct)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        using var csv = new CsvOut(path, [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)]);
        var fields = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(fields);
            csv.Row([.. fields.Select(f => f is DBNull ? "" : Convert.ToString(f, System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        }

        csv.Commit();
    }
}
