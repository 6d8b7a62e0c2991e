using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Intake;

namespace Pipeline.Warehouse.Intake;

/// <summary>
/// The intake landing zone on PostgreSQL. A run holds a session-level advisory lock on its (source, period) for its
/// whole life, so two runs of the same pull never interleave: the second waits, then finds the cursors the first
/// committed and fetches only what is still new. The lock dies with the connection, so a killed process frees it.
/// </summary>
/// <param name="simulated">The connectors point at the bundled simulators: every run (and every fact made from it) is
/// marked simulated.</param>
public sealed class PostgresIntakeStore(NpgsqlDataSource dataSource, TimeProvider clock, bool simulated = false) : IIntakeStore
{
    public async Task<IIntakeRun> BeginRunAsync(SourceDescriptor source, Period period, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                new CommandDefinition(
                    SqlResources.Query("Intake/lock_intake_key"),
                    new { key = $"{source.Name}/{period}" },
                    cancellationToken: cancellationToken));
            var runId = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(
                    SqlResources.Query("Intake/begin_intake_run"),
                    new { source = source.Name, period = period.ToString(), now = clock.GetUtcNow(), simulated },
                    cancellationToken: cancellationToken));
            return new PostgresIntakeRun(connection, new PostgresIntakeSession(connection, runId, source, period, clock), clock);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
