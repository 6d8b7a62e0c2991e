using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Operations;

/// <summary>Pulls (<c>intake.run</c>) and loads (<c>fact.load_run</c>) in one history, newest first.</summary>
public sealed class RunHistory(NpgsqlDataSource dataSource)
{
    /// <param name="source">Only this source, or null for all.</param>
    public async Task<IReadOnlyList<RunRow>> LatestAsync(string? source, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<RunRow>(new CommandDefinition(
            SqlResources.Query("Operations/list_runs"), new { source, limit = Math.Max(1, limit) }, cancellationToken: ct))];
    }

    /// <summary>The latest runs as a table, columns as the query names them (the demo's runs.csv).</summary>
    public Task ExportAsync(int limit, ITableSink sink, CancellationToken ct) =>
        TableExport.ExportAsync(dataSource, "Operations/list_runs", new { source = (string?)null, limit }, sink, ct);
}

/// <param name="Stage">pull or load.</param>
public sealed record RunRow(
    string Stage, long RunId, string Source, string Period, string Status, DateTime StartedAt, TimeSpan? Duration,
    int RowsRead, int NewRows, int Unchanged, int Revised, int Quarantined, string? Error);
