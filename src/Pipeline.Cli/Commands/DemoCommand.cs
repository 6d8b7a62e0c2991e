using System.CommandLine;
using System.Diagnostics;
using Npgsql;
using Pipeline.Cli.Demo;
using Pipeline.Cli.Reports;
using Pipeline.Cli.Sources;
using Pipeline.Core.Periods;
using Pipeline.Jobs;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Simulators;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Operations;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline demo`: the main job end to end on the bundled simulators. A warehouse (the local PostgreSQL when none is
/// configured), migrations, the admin units of both eras, then the nightly job of every source, the same code the
/// scheduler host runs (fetch the latest published period, normalise and load, detect conflicts between sources,
/// evaluate every 2025 commune under Decision 2361), the outputs under out/, and a summary with the time per stage.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the outputs (default out/ beside Pipeline.sln)." };
        var provinces = new Option<string[]>("--province")
        {
            Description = "Simulate only these 2025 provinces (code, e.g. 01; repeatable): a quicker run. Default: the whole country.",
            AllowMultipleArgumentsPerToken = true,
        };
        var demo = new Command("demo", "Run the main job end to end on the bundled simulators: warehouse, units, the nightly pull and load of every source, conflict detection, evaluation of every commune, outputs under out/.")
        {
            output,
            provinces,
        };
        demo.SetAction(async (parse, ct) =>
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
            Console.WriteLine(UnitsCommand.Describe(await new AdminUnitsLoader(dataSource).LoadAsync(units, ct)));
            stages.Add(("load admin units", clock.Elapsed));

            var chosen = parse.GetValue(provinces) is { Length: > 0 } codes ? codes.ToHashSet(StringComparer.Ordinal) : null;
            if (chosen?.FirstOrDefault(c => !units.Units2025.Any(u => u.Code == c && u.Level == Core.Units.UnitLevel.Province)) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"error: --province {unknown} is not a 2025 province code (e.g. 01 for Hà Nội).");
                return ExitCodes.BadInput;
            }

            clock.Restart();
            var settings = new JobSettings(new PublicationCalendar(), Console.Out, SimulatedSources.For(units, chosen));
            var job = new PullJob(context.Configuration, context.Time, units, new ReferenceUnits(units), dataSource, settings);
            var done = new List<PullJobResult>();
            var failures = new List<string>();
            foreach (var source in SourceCatalog.All)
            {
                try
                {
                    done.Add(await job.RunLatestAsync(source.Name, ct));
                }
                catch (JobStepFailedException e)
                {
                    // One failing source never stops the others; the exit code says it at the end.
                    failures.Add(e.Message);
                    await Console.Error.WriteLineAsync($"error: {e.Message}");
                }
            }

            stages.Add(($"nightly jobs of {done.Count + failures.Count} sources", clock.Elapsed));

            clock.Restart();
            var history = DemoHistory.Periods(units, chosen, done.Select(d => (d.Pull.Source, Period.Parse(d.Pull.Period))));
            Console.WriteLine($"History for the trend on 2025 communes: {(history.Count == 0 ? "none published" : string.Join(", ", history.Select(h => $"{h.Source} {h.Period}")))}");
            var historyRuns = new List<PullJobResult>();
            foreach (var (source, period) in history)
            {
                try
                {
                    historyRuns.Add(await job.RunAsync(source, period.ToString(), ct));
                }
                catch (JobStepFailedException e)
                {
                    failures.Add(e.Message);
                    await Console.Error.WriteLineAsync($"error: {e.Message}");
                }
            }

            stages.Add(($"history: {history.Count} periods", clock.Elapsed));

            clock.Restart();
            var year = done.Select(d => Period.Parse(d.Pull.Period).End.Year).DefaultIfEmpty(2025).Max();
            var outDirectory = parse.GetValue(output)?.FullName ?? Path.Combine(context.Home, "out");
            var levels = await DemoLevels.WriteAsync(dataSource, year, chosen, outDirectory, ct);
            await DemoOutputs.WriteAsync(dataSource, outDirectory, ct);
            var reportFiles = new List<string>();
            if (await new LevelReportBuilder(dataSource).BuildAsync(CommuneLevels.Framework, Core.Units.Era.Y2025, year, ct) is { } report)
            {
                reportFiles.AddRange(LevelReportFiles.Write(report, outDirectory));
            }

            // The latest year evaluated on the 2024 map (from the history), per province and district.
            if (await new LevelReportBuilder(dataSource).BuildAsync(CommuneLevels.Framework, Core.Units.Era.Y2024, null, ct) is { } before)
            {
                reportFiles.AddRange(LevelReportFiles.Write(before, outDirectory).Where(f => !reportFiles.Contains(f)));
            }

            stages.Add(("write out/", clock.Elapsed));

            Console.WriteLine();
            await UnitSummary.PrintAsync(dataSource, ct);
            Console.WriteLine();
            RunTable.Print([.. done.Concat(historyRuns).Select(d => d.Pull)], simulated: true);
            Console.WriteLine();
            LoadTable.Print([.. done.Concat(historyRuns).Select(d => d.Load)]);
            Console.WriteLine();
            LevelSummary.Print(levels, year);
            Console.WriteLine();
            await ConflictSummary.PrintAsync(dataSource, ct);
            Console.WriteLine();
            await PrintQuarantineAsync(dataSource, ct);
            Console.WriteLine();
            Console.WriteLine($"Outputs in {outDirectory}: qd2361_inputs_{year}.csv, qd2361_levels_{year}.csv (level, blocking, missing per commune), conflicts.csv, runs.csv, quarantine.csv, quarantine_pull.csv, {string.Join(", ", reportFiles)}.");
            Console.WriteLine("Time per stage:");
            foreach (var (stage, took) in stages)
            {
                Console.WriteLine($"  {stage,-34} {took.TotalSeconds,6:F1} s");
            }

            return failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return demo;
    }

    private static async Task PrintQuarantineAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var rows = await new QuarantineReader(dataSource).SummaryAsync(null, ct);
        Console.WriteLine(rows.Count == 0 ? "Quarantine: none open." : "Quarantine open (./pipeline quarantine list):");
        foreach (var (stage, source, reason, records) in rows)
        {
            Console.WriteLine($"  {stage,-5} {source,-8} {reason,-22} {records,8}");
        }
    }
}
