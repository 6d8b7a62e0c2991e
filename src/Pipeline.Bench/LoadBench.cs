using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Pipeline.Bench;

/// <summary>
/// Load and unchanged reload: the same generated CSV through `psql \copy` into a table of its shape with a primary key
/// (the baseline) and through the product's load path (<see cref="BenchLoadPath"/>, <c>loads</c> periods at once) into
/// fact.value, then again. Each timed run starts after a checkpoint, the product's after a warm-up.
/// </summary>
internal sealed class LoadBench(BenchDatabase database, IReadOnlyList<string> communes, string folder, TimeProvider time, int loads)
{
    public async Task<long> SetUpAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            BenchSql.Read("setup_load"), new { indicators = FactCsv.IndicatorNames.ToArray(), now = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>
    /// Runs the load path once on two periods, new and then unchanged, untimed, and empties fact.value again: the
    /// first timed load would otherwise pay for compiling it (the JIT's tiers took a third of the client's time and
    /// spread one figure from 0.53x to 0.72x over five runs). psql has nothing to compile; a scheduler host running
    /// nightly loads has compiled it long before.
    /// </summary>
    public async Task WarmUpAsync(long intakeRunId, CancellationToken ct)
    {
        var csv = Path.Combine(folder, "warm_up.csv");
        FactCsv.Write(csv, communes, FactCsv.Months(2));
        try
        {
            var set = communes.ToHashSet(StringComparer.Ordinal);
            for (var pass = 0; pass < 2; pass++)
            {
                await BenchLoadPath.LoadAsync(database.DataSource, csv, "bench_warm_up", set, intakeRunId, time, loads, ct);
            }

            await database.EmptyFactsAsync(ct);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <param name="alsoOneAtATime">Load the file once more one period at a time (a figure without a target), to show
    /// what the loads at once add (the same figure when they are 1); for the smaller size only, it is one more load.</param>
    public async Task RunAsync(BenchReport report, string label, int periods, long intakeRunId, bool alsoOneAtATime, CancellationToken ct)
    {
        var csv = Path.Combine(folder, $"facts_{periods}p.csv");
        var rows = FactCsv.Write(csv, communes, FactCsv.Months(periods));
        report.Note($"{BenchReport.Count(rows)} rows ({BenchReport.Count(communes.Count)} communes x {FactCsv.Indicators} indicators x {periods} periods, SIMULATED), {BenchReport.Megabytes(new FileInfo(csv).Length)} of CSV");
        try
        {
            var baseline = await PsqlCopyAsync(csv, ct);
            var baselineText = $"psql \\copy into a table with a primary key {BenchReport.Rate(rows, baseline)} ({BenchReport.Seconds(baseline)})";
            var source = $"bench_{periods}p";
            var set = communes.ToHashSet(StringComparer.Ordinal);
            await database.CheckpointAsync(ct);
            var first = await BenchLoadPath.LoadAsync(database.DataSource, csv, source, set, intakeRunId, time, loads, ct);
            var before = await ChecksumAsync(source, ct);
            var ratio = baseline.TotalSeconds / first.Took.TotalSeconds;
            report.Add(new BenchLine(
                $"load {label}",
                $"{BenchReport.Rate(first.Staged, first.Took)} ({BenchReport.Count(first.Inserted)} inserted, {BenchReport.Count(first.Quarantined)} quarantined, {BenchReport.Seconds(first.Took)}, {loads} loads at once)",
                ratio,
                baselineText,
                new BenchTarget(">= 0.70x", ratio >= 0.7 && first.Inserted == rows)));

            await database.CheckpointAsync(ct);
            var again = await BenchLoadPath.LoadAsync(database.DataSource, csv, source, set, intakeRunId, time, loads, ct);
            var after = await ChecksumAsync(source, ct);
            var identical = before == after;
            var reloadRatio = again.Took.TotalSeconds / first.Took.TotalSeconds;
            report.Add(new BenchLine(
                $"unchanged reload {label}",
                $"{BenchReport.Seconds(again.Took)}, {BenchReport.Count(again.Updated + again.Inserted)} rows updated, checksum {(identical ? "identical" : "CHANGED")}",
                reloadRatio,
                $"first load {BenchReport.Seconds(first.Took)}",
                new BenchTarget("<= 0.50x, 0 rows updated, identical checksum", reloadRatio <= 0.5 && again.Updated + again.Inserted == 0 && identical)));

            if (alsoOneAtATime)
            {
                await database.CheckpointAsync(ct);
                var single = await BenchLoadPath.LoadAsync(database.DataSource, csv, $"{source}_single", set, intakeRunId, time, 1, ct);
                report.Add(new BenchLine(
                    $"load one period at a time {label}",
                    $"{BenchReport.Rate(single.Staged, single.Took)} ({BenchReport.Count(single.Inserted)} inserted, {BenchReport.Seconds(single.Took)}, 1 load at a time)",
                    baseline.TotalSeconds / single.Took.TotalSeconds,
                    baselineText));
            }

            // The next size starts from an empty fact table, as this one did.
            await database.EmptyFactsAsync(ct);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private async Task<(long Rows, string Checksum)> ChecksumAsync(string source, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<(long, string)>(new CommandDefinition(
            BenchSql.Read("fact_checksum"), new { source, lineage = true }, commandTimeout: 0, cancellationToken: ct));
    }

    /// <summary>The baseline: `psql \copy` of the CSV into bench.csv_fact (emptied first), timed around the psql process.</summary>
    private async Task<TimeSpan> PsqlCopyAsync(string csv, CancellationToken ct)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(BenchSql.Read("empty_csv_fact"), cancellationToken: ct));
        }

        await database.CheckpointAsync(ct);

        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", $"\\copy bench.csv_fact from '{csv}' with (format csv, header true)"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = server.Database;
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        var clock = Stopwatch.StartNew();
        using var psql = Process.Start(start) ?? throw new InvalidOperationException("psql did not start (apt-get install postgresql-client)");
        var errors = psql.StandardError.ReadToEndAsync(ct);
        await psql.WaitForExitAsync(ct);
        var took = clock.Elapsed;
        return psql.ExitCode == 0 ? took : throw new InvalidOperationException($"psql \\copy failed: {await errors}");
    }
}
