using System.CommandLine;
using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline units map --source S --key K --era E --code C [--kind source_id|name] [--note TEXT]`: a steward's
/// decision that a source's id or name is this commune. It wins over labels and name matching from the next load
/// on; `quarantine retry` reloads what it unblocks.
/// </summary>
internal static class UnitsMapCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("The source whose key this is.", required: true);
        var key = new Option<string>("--key") { Description = "The key exactly as the source writes it (see `quarantine list`).", Required = true };
        var kind = new Option<string>("--kind") { Description = "source_id (default for sources keyed by their own ids) or name." };
        kind.AcceptOnlyFromAmong("source_id", "name");
        var era = new Option<string>("--era") { Description = "The map the code belongs to.", Required = true };
        era.AcceptOnlyFromAmong("2024", "2025");
        var code = new Option<string>("--code") { Description = "The commune's statistics-office code in that era (5 digits).", Required = true };
        var note = new Option<string>("--note") { Description = "Why: the evidence for the decision (kept with it)." };
        var map = new Command("map", "Record a steward's mapping of a source's id or name to a commune; it wins over labels and name matching.")
        {
            source,
            key,
            kind,
            era,
            code,
            note,
        };
        map.SetAction(async (parse, ct) =>
        {
            var entry = SourceCatalog.Select(parse.GetRequiredValue(source))[0];
            var keyKind = parse.GetValue(kind) ?? (entry.Descriptor.Keying.Kind == UnitKeyKind.SourceId ? "source_id" : "name");
            var mapEra = Eras.Parse(parse.GetRequiredValue(era));
            var unitCode = parse.GetRequiredValue(code).Trim();
            var units = new ReferenceUnits(await UnitsCommand.ReadAsync(context.AdminUnitsDirectory));
            if (units.Commune(mapEra, unitCode) is not { } commune)
            {
                throw new BadInputException(new InputProblem("--code", null, $"'{unitCode}' is not a commune code of {(short)mapEra}"));
            }

            await using var warehouse = await context.OpenWarehouseAsync(ct);
            await new Migrator(warehouse, context.Time).MigrateAsync(ct);
            var mapping = new StewardMapping(entry.Name, keyKind, parse.GetRequiredValue(key), mapEra, unitCode, parse.GetValue(note), Environment.UserName);
            var (inserted, records) = await new StewardMappings(warehouse, context.Time).MapAsync(mapping, ct);
            Console.WriteLine($"{(inserted ? "Mapped" : "Re-mapped")} {entry.Name} {keyKind} '{mapping.UnitKey}' to {(short)mapEra} {unitCode} {commune.Name}.");
            Console.WriteLine(records == 0
                ? "No intake record carries this key yet: the mapping applies when one arrives."
                : $"{records} intake records carry this key: `./pipeline quarantine retry --source {entry.Name}` places them.");
            return ExitCodes.Success;
        });
        return map;
    }
}
