using System.CommandLine;
using Pipeline.Cli.Prefill;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline prefill --framework qd2361 --year 2025 [--province 51] --out DIR`: every commune's self-assessment
/// pre-filled from the warehouse: a workbook per commune laid out like the framework's appendix, and one CSV of all
/// of them. The host serves the same as JSON (<c>/api/prefill</c>).
/// </summary>
internal static class PrefillCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "The criteria set (qd2361: the warehouse computes its commune criteria).", Required = true };
        framework.AcceptOnlyFromAmong(PrefillReader.Framework);
        var year = new Option<int>("--year") { Description = "The assessment year.", Required = true };
        var province = new Option<string>("--province") { Description = "Only the communes of this 2025 province (code, e.g. 51)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the files.", Required = true };
        var prefill = new Command("prefill", "Pre-filled commune self-assessments from the warehouse: a workbook per commune (like the appendix) and one CSV.")
        {
            framework,
            year,
            province,
            output,
        };
        prefill.SetAction(async (parse, ct) =>
        {
            var chosen = (LevelFramework)FrameworkCatalog.Load(parse.GetRequiredValue(framework));
            var assessmentYear = parse.GetValue(year);
            var outDirectory = parse.GetRequiredValue(output).FullName;
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var communes = await new PrefillReader(warehouse).ReadAsync(chosen, assessmentYear, parse.GetValue(province), ct);
            if (communes.Count == 0)
            {
                throw new BadInputException(new InputProblem("--province", null, $"no 2025 commune in province '{parse.GetValue(province)}'"));
            }

            var csv = Path.Combine(outDirectory, $"prefill_{chosen.Info.Id}_{assessmentYear}.csv");
            PrefillCsv.Write(communes, csv);
            foreach (var commune in communes)
            {
                PrefillWorkbook.Write(commune, Path.Combine(outDirectory, "xlsx", $"{commune.UnitCode}_{chosen.Info.Id}_{assessmentYear}.xlsx"));
            }

            Console.WriteLine($"{communes.Count} communes pre-filled for {assessmentYear}: {csv} and {communes.Count} workbooks in {Path.Combine(outDirectory, "xlsx")}.");
            var lines = communes.SelectMany(c => c.Criteria).ToList();
            foreach (var status in lines.GroupBy(l => l.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {status.Key,-17} {status.Count(),7} ({100.0 * status.Count() / lines.Count:F1}%)");
            }

            return ExitCodes.Success;
        });
        return prefill;
    }
}
