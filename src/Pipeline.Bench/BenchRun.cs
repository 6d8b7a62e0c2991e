using System.Diagnostics;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Bench;

/// <summary>
/// One `pipeline bench`: the figures chosen, each printed as `name: value (ratio x baseline)` against a baseline
/// measured in the same run, with its target, in databases of its own (pipeline_bench_*, dropped at the end).
/// </summary>
/// <param name="warehouse">Connection string of the server the bench databases are created on.</param>
public sealed class BenchRun(string warehouse, AdminUnitSet units, TimeProvider time, TextWriter output)
{
    /// <returns>Whether every target was met.</returns>
    public async Task<bool> RunAsync(BenchSizes sizes, int loads, IReadOnlyList<string> figures, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = new BenchReport(output);
        var communes = units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToList();
        var communes2024 = units.Units2024.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToList();
        report.Note($"pipeline bench on {Environment.ProcessorCount} cores: {sizes}; every value below is SIMULATED or generated; databases pipeline_bench_* are dropped at the end");
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        try
        {
            if (figures.Contains("load") || figures.Contains("pickup") || figures.Contains("growth"))
            {
                await using var database = await BenchDatabase.CreateAsync(warehouse, "load", units, time, ct);
                var load = new LoadBench(database, communes, folder, time, loads);
                var intakeRun = await load.SetUpAsync(ct);
                if (figures.Contains("load"))
                {
                    await load.WarmUpAsync(intakeRun, ct);
                    foreach (var periods in sizes.LoadPeriods)
                    {
                        await load.RunAsync(
                            report, $"{BenchReport.Count((long)periods * communes.Count * FactCsv.Indicators)} rows", periods, intakeRun, periods == sizes.LoadPeriods[0], ct);
                    }
                }

                if (figures.Contains("pickup"))
                {
                    await PickupBench.RunAsync(report, database, sizes.PickupJobs, time, ct);
                }

                if (figures.Contains("growth"))
                {
                    await new GrowthBench(database, communes, folder).RunAsync(report, sizes.GrowthBasePeriods, sizes.GrowthScales, intakeRun, ct);
                }
            }

            if (figures.Contains("pull"))
            {
                await new PullBench(warehouse, units, time, sizes.PullProvinces).RunAsync(report, ct);
            }

            if (figures.Contains("evaluation"))
            {
                EvaluationBench.Run(report, "2025 map", communes, sizes.EvaluationPeriods2025);
                EvaluationBench.Run(report, "2024 map", communes2024, sizes.EvaluationPeriods2024);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var targets = report.Lines.Count(l => l.Target is not null);
        report.Note($"{targets - report.Missed} of {targets} targets met{(report.Missed > 0 ? $"; {report.Missed} MISSED" : "")}; bench took {BenchReport.Seconds(clock.Elapsed)}");
        return report.Missed == 0;
    }
}
