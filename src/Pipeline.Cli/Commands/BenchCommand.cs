using System.CommandLine;
using Pipeline.Bench;

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
            var warehouse = await context.WarehouseConnectionStringAsync(ct);
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            var met = await new BenchRun(warehouse, units, context.Time, Console.Out).RunAsync(sizes, parse.GetValue(loads), chosen, ct);
            return met ? ExitCodes.Success : ExitCodes.Failure;
        });
        return bench;
    }
}
