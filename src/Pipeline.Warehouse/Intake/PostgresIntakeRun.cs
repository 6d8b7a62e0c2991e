using Dapper;
using Npgsql;
using Pipeline.Intake;

namespace Pipeline.Warehouse.Intake;

/// <summary>A run's end: its status and counts written, then its advisory lock released.</summary>
internal sealed class PostgresIntakeRun(NpgsqlConnection connection, PostgresIntakeSession session, TimeProvider clock) : IIntakeRun
{
    public IIntakeSession Session => session;

    public Task<RunReport> SucceedAsync(CancellationToken cancellationToken) => FinishAsync("succeeded", null, cancellationToken);

    public Task<RunReport> FailAsync(string error, CancellationToken cancellationToken) => FinishAsync("failed", error, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // A pooled connection keeps session locks until it is reused: release the run's lock now. If the process
        // dies instead, the server ends the session and the lock with it.
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await connection.ExecuteAsync(SqlResources.Query("release_session_locks"));
        }

        await connection.DisposeAsync();
    }

    private async Task<RunReport> FinishAsync(string status, string? error, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<RunRow>(new CommandDefinition(
            SqlResources.Query("Intake/finish_intake_run"),
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
