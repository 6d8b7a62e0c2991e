using System.CommandLine;
using System.Diagnostics;
using Pipeline.Core.ReferenceData;
using Pipeline.Warehouse.AdminUnits;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline units load|summary`: the administrative units of both eras.</summary>
internal static class UnitsCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<DirectoryInfo>("--from")
        {
            Description = "Folder with units_2024.csv, units_2025.csv, the crosswalk and population files (default ../shared/data/admin-units).",
        };
        var load = new Command("load", "Validate the admin-unit files, then load them in one transaction (binary COPY); a reload replaces the previous data.")
        {
            from,
        };
        load.SetAction(async (parse, ct) =>
        {
            // Files are checked before the warehouse is even opened: bad input never gets near it.
            var set = await ReadAsync(parse.GetValue(from)?.FullName ?? context.AdminUnitsDirectory);
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            var result = await new AdminUnitsLoader(dataSource).LoadAsync(set, ct);
            Console.WriteLine(Describe(result));
            return ExitCodes.Success;
        });

        var summary = new Command("summary", "Units per era and level as loaded in the warehouse.");
        summary.SetAction(async (_, ct) =>
        {
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            await UnitSummary.PrintAsync(dataSource, ct);
            return ExitCodes.Success;
        });

        return new Command("units", "Administrative units of the 2024 and 2025 maps.") { load, summary, UnitsResolveCommand.Create(context), UnitsMapCommand.Create(context) };
    }

    /// <summary>Reads and validates every file; throws <see cref="Core.Input.BadInputException"/> naming file and line.</summary>
    public static async Task<AdminUnitSet> ReadAsync(string directory)
    {
        var clock = Stopwatch.StartNew();
        var set = AdminUnitFiles.Read(directory);
        await Console.Error.WriteLineAsync($"Validated {directory} in {clock.Elapsed.TotalSeconds:F1} s.");
        return set;
    }

    public static string Describe(AdminUnitsLoadResult r) =>
        $"Units: {r.UnitsInserted} inserted, {r.UnitsUpdated} updated, {r.UnitsDeleted} deleted. " +
        $"Crosswalk {r.CrosswalkEdges} edges, population 2025 {r.Population2025Rows} rows, census 2019 {r.Census2019Rows} rows, " +
        $"type changes {r.TypeChanges}.";
}
