using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// Loads the intake records of one source and period into facts: read them, place and combine them
/// (<see cref="FactAssembler"/>), and write the result (<see cref="FactPeriodWriter"/>: COPY into a new period, nothing
/// for an unchanged one, else staging and the guarded merge) in one transaction together with the quarantine, the label
/// mappings and the run's own row. A process killed at any point leaves the facts as
/// they were (the transaction dies with its session) and the run marked abandoned by the next load, which redoes
/// it. A session-level advisory lock on (source, period) makes concurrent loads of the same pull take turns.
/// </summary>
public sealed class FactLoader(NpgsqlDataSource dataSource, ReferenceUnits units, TimeProvider clock)
{
    private const int NoTimeout = 0;

    public async Task<LoadReport> LoadAsync(SourceDescriptor source, Period period, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var loadRunId = await LoadRuns.BeginAsync(connection, source.Name, period, clock.GetUtcNow(), cancellationToken);
            var counts = new LoadCounts();
            try
            {
                await FactLoaderReads.RequireUnitsAsync(connection, period.Era, cancellationToken);
                var rows = await FactLoaderReads.IntakeRowsAsync(connection, source.Name, period, cancellationToken);
                counts.RowsRead = rows.Count;
                var resolver = new SourceUnitResolver(
                    source.Keying, units, await FactLoaderReads.StewardMappingsAsync(connection, source.Name, cancellationToken));
                var assembler = new FactAssembler(units, await FactLoaderReads.IndicatorRulesAsync(connection, cancellationToken));
                var assembled = assembler.Assemble(period, resolver, rows);
                return await MergeAsync(connection, loadRunId, source.Name, period, assembled, counts, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return await LoadRuns.FinishAsync(connection, null, loadRunId, "failed", e.Message, clock.GetUtcNow(), counts, null, cancellationToken);
            }
        }
        finally
        {
            await LoadRuns.ReleaseAsync(connection);
        }
    }

    private async Task<LoadReport> MergeAsync(
        NpgsqlConnection connection, long loadRunId, string source, Period period, Assembled assembled, LoadCounts counts, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var written = await FactPeriodWriter.WriteAsync(
            connection, transaction, source, period, loadRunId, now, FactOrder.Sorted(assembled.Facts), ct);

        // The quarantine and label mappings of the same load, merged in the same transaction.
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("Facts/create_load_staging"), transaction: transaction, cancellationToken: ct));
        await FactStaging.CopyRecordsAsync(connection, assembled, ct);
        var parameters = new { source, period = period.ToString(), load_run_id = loadRunId, now };
        var quarantine = await connection.QuerySingleAsync<QuarantineCounts>(new CommandDefinition(
            SqlResources.Query("Facts/merge_fact_quarantine"), parameters, transaction, commandTimeout: NoTimeout, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("Facts/merge_label_mappings"), parameters, transaction, commandTimeout: NoTimeout, cancellationToken: ct));

        counts.SetFacts(written.Counts);
        counts.Quarantined = quarantine.Quarantined;
        counts.Released = quarantine.Released;
        var report = await LoadRuns.FinishAsync(connection, transaction, loadRunId, "succeeded", null, clock.GetUtcNow(), counts, written.Digest, ct);
        await transaction.CommitAsync(ct);

        await FactStatistics.RefreshAfterAsync(connection, counts.Inserted, counts.Revised, counts.Withdrawn, ct);

        return report;
    }

    private sealed record QuarantineCounts(int Quarantined, int Released);
}
