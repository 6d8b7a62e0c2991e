using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The second half of <see cref="FactLoader"/> on its own, for facts that come from somewhere other than intake
/// records (the bench's generated CSV): open a load run, binary COPY the facts into the same staging table, run the
/// same guarded merge (merge_facts.sql) and close the run, all in one transaction. The facts are streamed: nothing
/// is buffered here, so memory does not grow with the period's size.
/// </summary>
public sealed class FactBulkMerge(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<FactMergeCounts> MergeAsync(string source, Period period, IEnumerable<Fact> facts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var loadRunId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlResources.Query("begin_load_run"), new { source, period = period.ToString(), now = clock.GetUtcNow() }, cancellationToken: ct));
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The lock FactLoader takes for the same (source, period), held to the end of this transaction.
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtext('load'), hashtext(@key))", new { key = $"{source}/{period}" }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SqlResources.Query("create_fact_staging"), transaction: transaction, cancellationToken: ct));
        await FactStaging.CopyFactsAsync(connection, facts, ct);
        await StagedFactCheck.RequireSoundAsync(connection, transaction, ct);
        var counts = await FactMergeStatement.RunAsync(connection, transaction, source, period, loadRunId, clock.GetUtcNow(), ct);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlResources.Query("finish_load_run"),
            new
            {
                load_run_id = loadRunId,
                status = "succeeded",
                error = (string?)null,
                now = clock.GetUtcNow(),
                rows_read = counts.Staged,
                inserted = counts.Inserted,
                unchanged = counts.Staged - counts.Inserted - counts.Revised,
                revised = counts.Revised,
                withdrawn = counts.Withdrawn,
                quarantined = 0,
                released = 0,
            },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);

        await FactStatistics.RefreshAfterAsync(connection, counts.Inserted + counts.Revised + counts.Withdrawn, ct);

        return counts;
    }
}

/// <summary>What one merge did: rows staged, facts inserted, revised (updated) and withdrawn.</summary>
public sealed record FactMergeCounts(int Staged, int Inserted, int Revised, int Withdrawn);
