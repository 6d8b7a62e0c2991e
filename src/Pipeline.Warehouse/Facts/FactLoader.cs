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
            await connection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_lock(hashtext('load'), hashtext(@key))",
                new { key = $"{source.Name}/{period}" },
                cancellationToken: cancellationToken));
            var loadRunId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqlResources.Query("begin_load_run"),
                new { source = source.Name, period = period.ToString(), now = clock.GetUtcNow() },
                cancellationToken: cancellationToken));
            var counts = new Counts();
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
                return await FinishAsync(connection, null, loadRunId, "failed", e.Message, counts, null, cancellationToken);
            }
        }
        finally
        {
            // A pooled connection keeps session locks until it is reused: release the load's lock now.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync("select pg_advisory_unlock_all()");
            }
        }
    }

    private async Task<LoadReport> MergeAsync(
        NpgsqlConnection connection, long loadRunId, string source, Period period, Assembled assembled, Counts counts, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var written = await FactPeriodWriter.WriteAsync(
            connection, transaction, source, period, loadRunId, now, FactOrder.Sorted(assembled.Facts), ct);
        var facts = written.Counts;

        // The quarantine and label mappings of the same load, merged in the same transaction.
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("create_load_staging"), transaction: transaction, cancellationToken: ct));
        await FactStaging.CopyRecordsAsync(connection, assembled, ct);
        var parameters = new { source, period = period.ToString(), load_run_id = loadRunId, now };
        var quarantine = await connection.QuerySingleAsync<QuarantineCounts>(new CommandDefinition(
            SqlResources.Query("merge_fact_quarantine"), parameters, transaction, commandTimeout: NoTimeout, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("merge_label_mappings"), parameters, transaction, commandTimeout: NoTimeout, cancellationToken: ct));

        counts.Inserted = facts.Inserted;
        counts.Revised = facts.Revised;
        counts.Withdrawn = facts.Withdrawn;
        counts.Unchanged = facts.Staged - facts.Inserted - facts.Revised;
        counts.Quarantined = quarantine.Quarantined;
        counts.Released = quarantine.Released;
        var report = await FinishAsync(connection, transaction, loadRunId, "succeeded", null, counts, written.Digest, ct);
        await transaction.CommitAsync(ct);

        await FactStatistics.RefreshAfterAsync(connection, counts.Inserted, counts.Revised, counts.Withdrawn, ct);

        return report;
    }

    private async Task<LoadReport> FinishAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long loadRunId, string status, string? error, Counts counts, byte[]? digest, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<LoadRunRow>(new CommandDefinition(
            SqlResources.Query("finish_load_run"),
            new
            {
                load_run_id = loadRunId,
                status,
                error,
                now = clock.GetUtcNow(),
                rows_read = counts.RowsRead,
                inserted = counts.Inserted,
                unchanged = counts.Unchanged,
                revised = counts.Revised,
                withdrawn = counts.Withdrawn,
                quarantined = counts.Quarantined,
                released = counts.Released,
                facts_digest = digest,
            },
            transaction,
            cancellationToken: ct));
        return new LoadReport(
            row.LoadRunId, row.Source, row.Period, row.Status, row.Error, row.RowsRead, row.FactsInserted, row.FactsUnchanged,
            row.FactsRevised, row.FactsWithdrawn, row.Quarantined, row.Released, row.Duration);
    }

    private sealed class Counts
    {
        public int RowsRead { get; set; }

        public int Inserted { get; set; }

        public int Unchanged { get; set; }

        public int Revised { get; set; }

        public int Withdrawn { get; set; }

        public int Quarantined { get; set; }

        public int Released { get; set; }
    }

    private sealed record QuarantineCounts(int Quarantined, int Released);

    private sealed record LoadRunRow(
        long LoadRunId, string Source, string Period, string Status, string? Error, int RowsRead, int FactsInserted,
        int FactsUnchanged, int FactsRevised, int FactsWithdrawn, int Quarantined, int Released, TimeSpan Duration);
}
