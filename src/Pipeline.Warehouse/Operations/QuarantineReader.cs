using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Operations;

/// <summary>
/// Open quarantine of both stages: records the normaliser could not place on a unit (<c>fact.quarantine</c>, stage
/// load, open until a load places them) and records a connector refused (<c>intake.quarantine</c>, stage pull).
/// </summary>
public sealed class QuarantineReader(NpgsqlDataSource dataSource)
{
    /// <summary>Open records by stage, source and reason.</summary>
    public async Task<IReadOnlyList<QuarantineCount>> SummaryAsync(string? source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<QuarantineCount>(new CommandDefinition(
            SqlResources.Query("Operations/quarantine_summary"), new { source }, cancellationToken: ct))];
    }

    public async Task<IReadOnlyList<LoadQuarantineRow>> LoadAsync(QuarantineFilter filter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<LoadQuarantineRow>(new CommandDefinition(
            SqlResources.Query("Operations/list_load_quarantine"), Parameters(filter), cancellationToken: ct))];
    }

    public async Task<IReadOnlyList<PullQuarantineRow>> PullAsync(QuarantineFilter filter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<PullQuarantineRow>(new CommandDefinition(
            SqlResources.Query("Operations/list_pull_quarantine"), Parameters(filter), cancellationToken: ct))];
    }

    /// <summary>The (source, period) pairs with open load quarantine: what `quarantine retry` reloads.</summary>
    public async Task<IReadOnlyList<(string Source, string Period)>> OpenPeriodsAsync(string? source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<(string, string)>(new CommandDefinition(
            SqlResources.Query("Operations/open_quarantine_periods"), new { source }, cancellationToken: ct))];
    }

    /// <summary>All open load quarantine as a table (the demo's quarantine.csv).</summary>
    public Task ExportLoadAsync(ITableSink sink, CancellationToken ct) =>
        TableExport.ExportAsync(dataSource, "Operations/list_load_quarantine", Parameters(QuarantineFilter.Everything), sink, ct);

    /// <summary>All pull quarantine as a table (the demo's quarantine_pull.csv).</summary>
    public Task ExportPullAsync(ITableSink sink, CancellationToken ct) =>
        TableExport.ExportAsync(dataSource, "Operations/list_pull_quarantine", Parameters(QuarantineFilter.Everything), sink, ct);

    private static object Parameters(QuarantineFilter filter) => new { source = filter.Source, reason = filter.Reason, limit = Math.Max(0, filter.Limit) };
}

/// <param name="Source">Only this source, or null.</param>
/// <param name="Reason">Only this reason code (ambiguous_unit, duplicate_row, ...), or null.</param>
public sealed record QuarantineFilter(string? Source, string? Reason, int Limit)
{
    public static QuarantineFilter Everything { get; } = new(null, null, 1_000_000);
}

/// <param name="Stage">load or pull.</param>
public sealed record QuarantineCount(string Stage, string Source, string Reason, int Records);

public sealed record LoadQuarantineRow(
    string Source, string Stream, string Period, string UnitKeyKind, string UnitKey, string? UnitLabel, string Indicator,
    string Reason, string? Candidates, string Detail);

public sealed record PullQuarantineRow(string Source, string Stream, string Period, string RecordRef, string Reason, string Detail, string Raw);
