using System.CommandLine;
using Pipeline.Cli.Sources;
using Pipeline.Core.Periods;
using Pipeline.Jobs.Sources;
using Pipeline.Simulators;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline pull --source NAME|all [--period P ...] [--simulated]`: one run per source into the intake tables,
/// then the run table. Exit 1 when any source failed (after all of them ran), so a scheduler sees it.
/// </summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("The source to pull, or all of them.", required: true, orAll: true);
        var periods = new Option<string[]>("--period")
        {
            Description = "The period per cadence: a month (2025-10) for monthly sources, a quarter (2025-Q3) for quarterly ones; "
                + "repeat for both. With --simulated the default is the latest period the simulators have published.",
            AllowMultipleArgumentsPerToken = true,
        };
        var simulated = new Option<bool>("--simulated")
        {
            Description = "Start the bundled simulators on loopback and pull from them (SIMULATED data) instead of the configured sources.",
        };
        var pull = new Command("pull", "Fetch one period from national sources into the intake tables (raw payloads, records, quarantine).")
        {
            source,
            periods,
            simulated,
        };
        pull.SetAction(async (parse, ct) =>
        {
            var chosen = SourceCatalog.Select(parse.GetRequiredValue(source));
            var asked = ParsePeriods(parse.GetValue(periods) ?? []);
            var isSimulated = parse.GetValue(simulated);
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            await new Migrator(warehouse, context.Time).MigrateAsync(ct);

            var standIns = isSimulated ? SimulatedSources.For(units) : null;
            var reports = await new SourcePulls(context.Configuration, context.Time, units, Console.Out, standIns).RunAsync(chosen, asked, warehouse, ct);
            RunTable.Print(reports, isSimulated);
            return reports.All(r => r.Status == "succeeded") ? ExitCodes.Success : ExitCodes.Failure;
        });
        return pull;
    }

    public static List<Period> ParsePeriods(IEnumerable<string> texts)
    {
        var parsed = new List<Period>();
        foreach (var text in texts)
        {
            try
            {
                parsed.Add(Period.Parse(text));
            }
            catch (FormatException e)
            {
                throw new Core.Input.BadInputException(new Core.Input.InputProblem("--period", null, e.Message));
            }
        }

        return parsed;
    }
}
