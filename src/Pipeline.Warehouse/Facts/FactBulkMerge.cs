using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The second half of <see cref="FactLoader"/> on its own, for facts that come from somewhere other than intake
/// records (the bench's generated CSV): under the same advisory lock, open a load run, write the facts as a load does
/// (<see cref="FactPeriodWriter"/>) and close the run, all in one transaction. The facts of a new period are streamed
/// (memory does not grow with the period's size); a period that has facts is held once, for its digest. Give them
/// in unit order (<see cref="FactOrder"/>), as a load writes them.
/// </summary>
public sealed class FactBulkMerge(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<FactMergeCounts> MergeAsync(string source, Period period, IEnumerable<Fact> facts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            // Taken before the run is opened: opening it marks the (source, period)'s running loads abandoned.
            await connection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_lock(hashtext('load'), hashtext(@key))", new { key = $"{source}/{period}" }, cancellationToken: ct));
            var loadRunId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqlResources.Query("begin_load_run"), new { source, period = period.ToString(), now = clock.GetUtcNow() }, cancellationToken: ct));
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var written = await FactPeriodWriter.WriteAsync(connection, transaction, source, period, loadRunId, clock.GetUtcNow(), facts, ct);
            var counts = written.Counts;
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
                    facts_digest = written.Digest,
                },
                transaction,
                cancellationToken: ct));
            await transaction.CommitAsync(ct);

            await FactStatistics.RefreshAfterAsync(connection, counts.Inserted, counts.Revised, counts.Withdrawn, ct);
            return counts;
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
}

/// <summary>What one load wrote: facts given (staged), inserted, revised (updated) and withdrawn.</summary>
public sealed record FactMergeCounts(int Staged, int Inserted, int Revised, int Withdrawn);
