using System.CommandLine;
using Pipeline.Cli.Sources;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline load --source NAME|all [--period P ...]`: the normaliser. Intake records of each (source, period) to
/// facts on units (era, code), one transaction each; then the load table. Exit 1 when any load failed.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("The source to load, or all of them.", required: true, orAll: true);
        var periods = new Option<string[]>("--period")
        {
            Description = "Periods to load (2025-10, 2025-Q3; each source takes those of its cadence). Default: every period the source has intake records for.",
            AllowMultipleArgumentsPerToken = true,
        };
        var load = new Command("load", "Normalise intake records into warehouse facts (units by era and code, lineage, quarantine); a rerun changes nothing.")
        {
            source,
            periods,
        };
        load.SetAction(async (parse, ct) =>
        {
            var chosen = SourceCatalog.Select(parse.GetRequiredValue(source));
            var asked = PullCommand.ParsePeriods(parse.GetValue(periods) ?? []);
            var units = new ReferenceUnits(await UnitsCommand.ReadAsync(context.AdminUnitsDirectory));
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            await new Migrator(warehouse, context.Time).MigrateAsync(ct);

            var reports = await new SourceLoads(context.Time, units, Console.Error).RunAsync(chosen, asked, warehouse, ct);
            LoadTable.Print(reports);
            return reports.All(r => r.Status == "succeeded") ? ExitCodes.Success : ExitCodes.Failure;
        });
        return load;
    }
}
