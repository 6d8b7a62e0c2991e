using System.CommandLine;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Units;
using Pipeline.Core.Units.Names;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline units resolve --era E --names IN.csv --out OUT.csv` (SPEC section 7): pure, no database. For operators
/// checking how a feed's names resolve before it is loaded.
/// </summary>
internal static class UnitsResolveCommand
{
    public static Command Create(CliContext context)
    {
        var era = new Option<string>("--era") { Description = "The map the names belong to: 2024 (with districts) or 2025.", Required = true };
        era.AcceptOnlyFromAmong("2024", "2025");
        var names = new Option<FileInfo>("--names") { Description = "CSV: province_name,district_name,commune_name (district empty or absent for 2025).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV: the input columns plus code,status,candidates.", Required = true };
        var units = new Option<DirectoryInfo>("--units") { Description = "Admin-units folder (default ../shared/data/admin-units)." };
        var resolve = new Command("resolve", "Resolve unit names as other systems write them to codes: matched, ambiguous (all candidates) or unmatched; never a guess.")
        {
            era,
            names,
            output,
            units,
        };
        resolve.SetAction(async (parse, _) =>
        {
            var mapEra = Eras.Parse(parse.GetRequiredValue(era));
            var (header, rows) = NameList.Read(parse.GetRequiredValue(names).FullName, mapEra);
            var set = await UnitsCommand.ReadAsync(parse.GetValue(units)?.FullName ?? context.AdminUnitsDirectory);
            var resolver = new NameResolver(mapEra, mapEra == Era.Y2024 ? set.Units2024 : set.Units2025);

            using var csv = new CsvOut(parse.GetRequiredValue(output).FullName, [.. header, "code", "status", "candidates"]);
            var counts = new Dictionary<NameStatus, int>();
            foreach (var row in rows.Items)
            {
                var result = resolver.Resolve(row.ProvinceName, row.DistrictName, row.CommuneName);
                counts[result.Status] = counts.GetValueOrDefault(result.Status) + 1;
                string[] written = header.Count == 3 ? [row.ProvinceName, row.DistrictName ?? "", row.CommuneName] : [row.ProvinceName, row.CommuneName];
                csv.Row([.. written, result.Code ?? "", result.Status.ToText(), string.Join(';', result.Candidates)]);
            }

            csv.Commit();
            Console.WriteLine(
                $"{rows.Count} names: {counts.GetValueOrDefault(NameStatus.Matched)} matched, " +
                $"{counts.GetValueOrDefault(NameStatus.Ambiguous)} ambiguous, {counts.GetValueOrDefault(NameStatus.Unmatched)} unmatched.");
            return ExitCodes.Success;
        });
        return resolve;
    }
}
