using System.CommandLine;
using Pipeline.Warehouse.Operations;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline runs [--source NAME] [--last N]`: the run history of pulls and loads, oldest of the last N first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("Only this source.");
        var last = new Option<int>("--last") { Description = "How many runs (default 30).", DefaultValueFactory = _ => 30 };
        var runs = new Command("runs", "Run history: every pull (intake) and load (facts) with rows read, new, unchanged, revised, quarantined, duration, status, error.")
        {
            source,
            last,
        };
        runs.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var rows = (await new RunHistory(warehouse).LatestAsync(parse.GetValue(source), parse.GetValue(last), ct)).Reverse().ToList();
            Console.WriteLine($"{"stage",-5} {"run",6} {"source",-8} {"period",-8} {"status",-9} {"started (UTC)",-19} {"read",8} {"new",8} {"same",8} {"revised",7} {"quarant.",8} {"time",8}");
            foreach (var r in rows)
            {
                var took = r.Duration is { } d ? $"{d.TotalSeconds,6:F1} s" : "       -";
                Console.WriteLine(
                    $"{r.Stage,-5} {r.RunId,6} {r.Source,-8} {r.Period,-8} {r.Status,-9} {r.StartedAt:yyyy-MM-dd HH:mm:ss} " +
                    $"{r.RowsRead,8} {r.NewRows,8} {r.Unchanged,8} {r.Revised,7} {r.Quarantined,8} {took}");
                if (r.Error is not null)
                {
                    Console.WriteLine($"      {r.Error}");
                }
            }

            return ExitCodes.Success;
        });
        return runs;
    }
}
