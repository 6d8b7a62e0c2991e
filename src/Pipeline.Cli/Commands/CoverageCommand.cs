using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Evaluation;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline coverage --framework qd2361 --year 2025 [--province 51] [--out FILE]`: for each commune criterion, the
/// share of communes whose value is automatic, attested, waiting for a steward, or missing: where the data is.
/// Counted from the same pre-filled forms `prefill` writes.
/// </summary>
internal static class CoverageCommand
{
    private static readonly string[] Statuses = [PrefillStatus.Automatic, PrefillStatus.Attested, PrefillStatus.ConflictPending, PrefillStatus.Missing];

    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "The criteria set.", Required = true };
        framework.AcceptOnlyFromAmong(PrefillReader.Framework);
        var year = new Option<int>("--year") { Description = "The assessment year.", Required = true };
        var province = new Option<string>("--province") { Description = "Only the communes of this 2025 province (code)." };
        var output = new Option<FileInfo>("--out") { Description = "Also write the table as CSV." };
        var coverage = new Command("coverage", "Per criterion, the share of communes whose value is automatic, attested, pending a steward or missing.")
        {
            framework,
            year,
            province,
            output,
        };
        coverage.SetAction(async (parse, ct) =>
        {
            var chosen = (LevelFramework)FrameworkCatalog.Load(parse.GetRequiredValue(framework));
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var communes = await new PrefillReader(warehouse).ReadAsync(chosen, parse.GetValue(year), parse.GetValue(province), ct);
            var rows = communes.SelectMany(c => c.Criteria).GroupBy(c => c.Code).Select(g => (Criterion: g.Key, Counts: Statuses.Select(s => g.Count(c => c.Status == s)).ToArray())).ToList();

            Console.WriteLine($"Coverage of {chosen.Info.Id} commune criteria, {parse.GetValue(year)}, {communes.Count} communes (share of communes):");
            Console.WriteLine($"  {"criterion",-10} {"automatic",10} {"attested",10} {"pending",10} {"missing",10}");
            foreach (var (criterion, counts) in rows)
            {
                Console.WriteLine($"  {criterion,-10} {string.Join(' ', counts.Select(n => Share(n, communes.Count).PadLeft(10)))}");
            }

            if (parse.GetValue(output) is { } file)
            {
                using var csv = new CsvOut(file.FullName, ["criterion", "communes", .. Statuses, .. Statuses.Select(s => s + "_share")]);
                foreach (var (criterion, counts) in rows)
                {
                    csv.Row([criterion, Text(communes.Count), .. counts.Select(Text), .. counts.Select(n => communes.Count == 0 ? "" : (n / (decimal)communes.Count).ToString("0.0000", CultureInfo.InvariantCulture))]);
                }

                csv.Commit();
            }

            return ExitCodes.Success;
        });
        return coverage;
    }

    private static string Share(int count, int of) => of == 0 ? "-" : (100.0 * count / of).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
