using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Facts;

/// <summary>
/// The second half of <see cref="FactLoader"/> on its own, for facts that come from somewhere other than intake
/// records (the bench's generated CSV): under the same advisory lock, open a load run, write the facts as a load does
/// (<see cref="FactPeriodWriter"/>) and close the run, all in one transaction. The facts of a new period are streamed
/// (memory does not grow with the period's size); a period that has facts is held once, for its digest. Give them
/// in key order (<see cref="FactOrder"/>), as a load writes them.
/// </summary>
public sealed class FactBulkMerge(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<FactMergeCounts> MergeAsync(string source, Period period, IEnumerable<Fact> facts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var loadRunId = await LoadRuns.BeginAsync(connection, source, period, clock.GetUtcNow(), ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var written = await FactPeriodWriter.WriteAsync(connection, transaction, source, period, loadRunId, clock.GetUtcNow(), facts, ct);
            var counts = new LoadCounts { RowsRead = written.Counts.Staged };
            counts.SetFacts(written.Counts);
            await LoadRuns.FinishAsync(connection, transaction, loadRunId, "succeeded", null, clock.GetUtcNow(), counts, written.Digest, ct);
            await transaction.CommitAsync(ct);

            await FactStatistics.RefreshAfterAsync(connection, counts.Inserted, counts.Revised, counts.Withdrawn, ct);
            return written.Counts;
        }
        finally
        {
            await LoadRuns.ReleaseAsync(connection);
        }
    }
}

/// <summary>What one load wrote: facts given (staged), inserted, revised (updated) and withdrawn.</summary>
public sealed record FactMergeCounts(int Staged, int Inserted, int Revised, int Withdrawn);
