using Npgsql;
using Pipeline.Warehouse.Facts;

namespace Pipeline.Cli.Bench;

/// <summary>
/// The product's load path from a CSV file: read and check it (<see cref="CsvFacts"/>), and for each period binary
/// COPY its rows into the loader's staging table and run the loader's guarded merge into fact.value, one transaction
/// per (source, period) as FactLoader does (<see cref="FactBulkMerge"/>).
/// </summary>
internal static class BenchLoadPath
{
    public static async Task<LoadTotals> LoadAsync(
        NpgsqlDataSource dataSource, string csv, string source, IReadOnlySet<string> communes, long intakeRunId, TimeProvider time, CancellationToken ct)
    {
        var merge = new FactBulkMerge(dataSource, time);
        using var facts = new CsvFacts(csv, communes, FactCsv.IndicatorNames.ToHashSet(StringComparer.Ordinal), intakeRunId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long staged = 0, inserted = 0, revised = 0;
        while (facts.NextPeriod(out var period))
        {
            var counts = await merge.MergeAsync(source, period, facts.RowsOfPeriod(), ct);
            staged += counts.Staged;
            inserted += counts.Inserted;
            revised += counts.Revised;
        }

        return new LoadTotals(facts.Read, staged, inserted, revised, facts.Quarantined, clock.Elapsed);
    }
}

/// <summary>What a load through <see cref="BenchLoadPath"/> did.</summary>
internal sealed record LoadTotals(long Read, long Staged, long Inserted, long Updated, long Quarantined, TimeSpan Took);
