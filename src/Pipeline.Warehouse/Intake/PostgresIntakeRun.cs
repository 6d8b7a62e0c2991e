using Dapper;
using Npgsql;
using Pipeline.Intake;

namespace Pipeline.Warehouse.Intake;

/// <summary>A run's end: its status and counts written, its advisory lock released with its connection.</summary>
internal sealed class PostgresIntakeRun(NpgsqlConnection connection, PostgresIntakeSession session, TimeProvider clock) : IIntakeRun
{
    public IIntakeSession Session => session;

    public Task<RunReport> SucceedAsync(CancellationToken cancellationToken) => FinishAsync("succeeded", null, cancellationToken);

    public Task<RunReport> FailAsync(string error, CancellationToken cancellationToken) => FinishAsync("failed", error, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task<RunReport> FinishAsync(string status, string? error, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<RunRow>(new CommandDefinition(
            SqlResources.Query("finish_intake_run"),
            new { run_id = session.RunId, status, error, now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return new RunReport(
            row.RunId, row.Source, row.Period, row.Status, row.Error, row.PagesLanded, row.PagesUnchanged, row.RecordsRead,
            row.RecordsInserted, row.RecordsRevised, row.RecordsUnchanged, row.Quarantined, row.PayloadsRejected, row.Duration);
    }

    private sealed record RunRow(
        long RunId, string Source, string Period, string Status, string? Error, int PagesLanded, int PagesUnchanged,
        int RecordsRead, int RecordsInserted, int RecordsRevised, int RecordsUnchanged, int Quarantined, int PayloadsRejected,
        TimeSpan Duration);
}
