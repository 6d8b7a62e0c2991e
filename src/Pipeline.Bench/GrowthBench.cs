namespace Pipeline.Bench;

/// <summary>
/// How the load path's time and peak memory grow with the number of periods: the same load (<see cref="BenchLoadPath"/>)
/// at 1x, 2x, 4x and 8x the periods, each in a fresh child process into an emptied fact table, so every peak is that
/// run's own. Memory should stay nearly flat: rows are streamed from the file into COPY, never held.
/// </summary>
internal sealed class GrowthBench(BenchDatabase database, IReadOnlyList<string> communes, string folder)
{
    public async Task RunAsync(BenchReport report, int basePeriods, IReadOnlyList<int> scales, long intakeRunId, CancellationToken ct)
    {
        (double Seconds, double Peak, long Rows)? first = null;
        foreach (var scale in scales)
        {
            var csv = Path.Combine(folder, $"growth_{scale}x.csv");
            var rows = FactCsv.Write(csv, communes, FactCsv.Months(basePeriods * scale));
            try
            {
                await database.EmptyFactsAsync(ct);

                var result = await BenchChild.RunAsync(
                    database.ConnectionString, ct, "load", "--csv", csv, "--intake-run", intakeRunId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var (seconds, peak) = (result.Number("seconds"), result.Number("peak_bytes"));
                first ??= (seconds, peak, rows);
                var baseline = $"1x: {BenchReport.Count(first.Value.Rows)} rows ({basePeriods} periods)";
                report.Add(new BenchLine(
                    $"growth {scale}x time",
                    $"{BenchReport.Seconds(TimeSpan.FromSeconds(seconds))} for {BenchReport.Count(rows)} rows ({basePeriods * scale} periods)",
                    seconds / first.Value.Seconds,
                    $"{baseline} in {BenchReport.Seconds(TimeSpan.FromSeconds(first.Value.Seconds))}"));
                var memory = peak / first.Value.Peak;
                report.Add(new BenchLine(
                    $"growth {scale}x peak memory",
                    BenchReport.Megabytes((long)peak),
                    memory,
                    $"{baseline} peak {BenchReport.Megabytes((long)first.Value.Peak)}",
                    scale == scales[^1] && scales.Count > 1 ? new BenchTarget("<= 1.50x (nearly flat: streamed, not buffered)", memory <= 1.5) : null));
            }
            finally
            {
                File.Delete(csv);
            }
        }
    }
}
