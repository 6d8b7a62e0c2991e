using System.CommandLine;
using System.Diagnostics;
using Pipeline.Cli.Sources;
using Pipeline.Jobs.Sources;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline demo`: the main job end to end. At this stage of the product: a warehouse (the local PostgreSQL when
/// none is configured), migrations, the admin units of both eras, one pull of the latest period from each of the
/// bundled simulators (SIMULATED data) into the intake tables, the load of those records into facts, and a
/// summary. Later stages (conflicts, evaluation) join the same command as they are built.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var demo = new Command("demo", "Run the main job end to end: warehouse, migrations, admin units, a pull from every bundled simulator, the load into facts, summary.");
        demo.SetAction(async (_, ct) =>
        {
            var stages = new List<(string Stage, TimeSpan Took)>();
            var clock = Stopwatch.StartNew();

            await using var dataSource = await context.OpenWarehouseAsync(ct);
            stages.Add(("warehouse ready", clock.Elapsed));

            clock.Restart();
            var migration = await new Migrator(dataSource, context.Time).MigrateAsync(ct);
            Console.WriteLine($"Migrations: {migration.Applied.Count} applied, {migration.Known} known.");
            stages.Add(("migrate", clock.Elapsed));

            clock.Restart();
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            var load = await new AdminUnitsLoader(dataSource).LoadAsync(units, ct);
            Console.WriteLine(UnitsCommand.Describe(load));
            stages.Add(("load admin units", clock.Elapsed));

            clock.Restart();
            var reports = await new SourcePulls(context.Configuration, context.Time, units, Console.Out).RunAsync(SourceCatalog.All, [], simulated: true, dataSource, ct);
            stages.Add(($"pull {reports.Count} simulators", clock.Elapsed));

            clock.Restart();
            var pulled = reports.Select(r => Period.Parse(r.Period)).Distinct().ToList();
            var loads = await new SourceLoads(context.Time, new ReferenceUnits(units), Console.Error).RunAsync(SourceCatalog.All, pulled, dataSource, ct);
            stages.Add(("load facts", clock.Elapsed));

            Console.WriteLine();
            await UnitSummary.PrintAsync(dataSource, ct);
            Console.WriteLine();
            RunTable.Print(reports, simulated: true);
            Console.WriteLine();
            LoadTable.Print(loads);
            Console.WriteLine();
            Console.WriteLine("Time per stage:");
            foreach (var (stage, took) in stages)
            {
                Console.WriteLine($"  {stage,-20} {took.TotalSeconds,6:F1} s");
            }

            // A source that failed to pull or load is in the tables above; the exit code tells a scheduler too.
            return reports.All(r => r.Status == "succeeded") && loads.All(l => l.Status == "succeeded") ? ExitCodes.Success : ExitCodes.Failure;
        });
        return demo;
    }
}
