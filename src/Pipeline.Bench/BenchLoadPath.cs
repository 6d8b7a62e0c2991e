using Npgsql;
using Pipeline.Warehouse.Facts;

namespace Pipeline.Bench;

/// <summary>
/// The product's load path from a CSV file: read and check it (<see cref="CsvFacts"/>), and load each period as the
/// product loads a (source, period), one transaction each (<see cref="FactBulkMerge"/>: COPY into a new period,
/// nothing for an unchanged one, staging and the guarded merge otherwise). <c>loads</c> periods are loaded at once,
/// each by a reader of its own over the file taking the next period no other has (<see cref="PeriodClaims"/>), as a
/// backfill runs on a source whose queue has that many workers (`Schedules:&lt;source&gt;:Concurrency`): one per core
/// by default, since a load keeps one server process busy.
/// </summary>
public static class BenchLoadPath
{
    public static int DefaultLoads => Environment.ProcessorCount;

    internal static async Task<LoadTotals> LoadAsync(
        NpgsqlDataSource dataSource, string csv, string source, IReadOnlySet<string> communes, long intakeRunId, TimeProvider time, int loads, CancellationToken ct)
    {
        var merge = new FactBulkMerge(dataSource, time);
        var indicators = FactCsv.IndicatorNames.ToHashSet(StringComparer.Ordinal);
        var claims = new PeriodClaims();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var shares = await Task.WhenAll(Enumerable.Range(0, loads).Select(share => Task.Run(
            async () =>
            {
                using var facts = new CsvFacts(csv, communes, indicators, intakeRunId, claims, countsFileProblems: share == 0);
                long staged = 0, inserted = 0, revised = 0;
                while (facts.NextPeriod(out var period))
                {
                    var counts = await merge.MergeAsync(source, period, facts.RowsOfPeriod(), ct);
                    staged += counts.Staged;
                    inserted += counts.Inserted;
                    revised += counts.Revised;
                }

                return new LoadTotals(facts.Read, staged, inserted, revised, facts.Quarantined, TimeSpan.Zero);
            },
            ct)));

        return new LoadTotals(
            shares[0].Read, shares.Sum(s => s.Staged), shares.Sum(s => s.Inserted), shares.Sum(s => s.Updated), shares.Sum(s => s.Quarantined), clock.Elapsed);
    }
}

/// <summary>What a load through <see cref="BenchLoadPath"/> did.</summary>
internal sealed record LoadTotals(long Read, long Staged, long Inserted, long Updated, long Quarantined, TimeSpan Took);
