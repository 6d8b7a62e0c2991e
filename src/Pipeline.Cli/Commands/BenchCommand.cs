using System.CommandLine;
using System.Diagnostics;
using Pipeline.Cli.Bench;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline bench [--quick] [--scale N] [--rows N] [--only FIGURE ...]`: the performance figures of the issue, each
/// printed as `name: value (ratio x baseline)` against a baseline measured in the same run, with its target. Works in
/// databases of its own (pipeline_bench_*, dropped at the end) on the configured server. Exit 1 if a target is missed.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] Figures = ["load", "pull", "evaluation", "pickup", "growth"];

    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "A short run (two periods, the pull of province 01 only, fewer jobs): the same paths in about a minute." };
        var scale = new Option<int>("--scale") { Description = "Multiply the periods of every figure (default 1).", DefaultValueFactory = _ => 1 };
        var rows = new Option<long>("--rows") { Description = "Rows of the large load (rounded up to whole periods of 3,321 communes x 40 indicators; default 60 periods, about 8 M)." };
        var loads = new Option<int>("--loads")
        {
            Description = $"Periods loaded at once in the load figures, as a backfill on a queue with that many workers (default: one per core, {BenchLoadPath.DefaultLoads}).",
            DefaultValueFactory = _ => BenchLoadPath.DefaultLoads,
        };
        var only = new Option<string[]>("--only")
        {
            Description = $"Only these figures (repeatable): {string.Join(", ", Figures)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var bench = new Command("bench", "Measure load, unchanged reload, the nightly pull (clean and 10% faulted), evaluation, job pickup and growth; exit 1 if a target is missed.")
        {
            quick,
            scale,
            rows,
            loads,
            only,
            BenchWorkerCommand.Create(context),
        };
        bench.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(only) is { Length: > 0 } o ? o : Figures;
            if (chosen.FirstOrDefault(f => !Figures.Contains(f)) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"error: --only {unknown}: not one of {string.Join(", ", Figures)}");
                return ExitCodes.BadInput;
            }

            var n = parse.GetValue(scale);
            if (n < 1)
            {
                await Console.Error.WriteLineAsync("error: --scale must be 1 or more");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(loads) < 1)
            {
                await Console.Error.WriteLineAsync("error: --loads must be 1 or more");
                return ExitCodes.BadInput;
            }

            var sizes = BenchSizes.Of(parse.GetValue(quick), n, parse.GetValue(rows));
            return await RunAsync(context, sizes, parse.GetValue(loads), chosen, ct);
        });
        return bench;
    }

    private static async Task<int> RunAsync(CliContext context, BenchSizes sizes, int loads, IReadOnlyList<string> figures, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = new BenchReport(Console.Out);
        var warehouse = await context.WarehouseConnectionStringAsync(ct);
        var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
        var communes = units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToList();
        var communes2024 = units.Units2024.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToList();
        report.Note($"pipeline bench on {Environment.ProcessorCount} cores: {sizes}; every value below is SIMULATED or generated; databases pipeline_bench_* are dropped at the end");
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-").FullName;
        try
        {
            if (figures.Contains("load") || figures.Contains("pickup") || figures.Contains("growth"))
            {
                await using var database = await BenchDatabase.CreateAsync(warehouse, "load", units, context.Time, ct);
                var load = new LoadBench(database, communes, folder, context.Time, loads);
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
                    await PickupBench.RunAsync(report, database, sizes.PickupJobs, context.Time, ct);
                }

                if (figures.Contains("growth"))
                {
                    await new GrowthBench(database, communes, folder).RunAsync(report, sizes.GrowthBasePeriods, sizes.GrowthScales, intakeRun, ct);
                }
            }

            if (figures.Contains("pull"))
            {
                await new PullBench(warehouse, units, context.Time, sizes.PullProvinces).RunAsync(report, ct);
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
        return report.Missed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
