using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Units;
using Pipeline.Core.Units.Rebasing;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline rebase --values IN.csv --out OUT.csv` (SPEC section 7): pure, no database. Counts on 2024 communes
/// summed onto 2025 communes; rows that cannot be allocated go to stderr and OUT.csv.rejects.csv with the reason.
/// </summary>
internal static class RebaseCommand
{
    public static Command Create(CliContext context)
    {
        var values = new Option<FileInfo>("--values") { Description = "CSV: unit_code,measure,numerator,denominator on 2024 communes (denominator optional).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV: unit_code,measure,numerator,denominator,complete on 2025 communes.", Required = true };
        var units = new Option<DirectoryInfo>("--units") { Description = "Admin-units folder (default ../shared/data/admin-units)." };
        var rebase = new Command("rebase", "Rebase counts from 2024 communes onto 2025 communes through the crosswalk (sums of numerators and denominators).")
        {
            values,
            output,
            units,
        };
        rebase.SetAction(async (parse, _) =>
        {
            var set = await UnitsCommand.ReadAsync(parse.GetValue(units)?.FullName ?? context.AdminUnitsDirectory);
            var rows = RebaseInput.Read(parse.GetRequiredValue(values).FullName, UnitLookup.For(Era.Y2024, set));
            var (rebased, unallocated) = new Rebaser(set.Crosswalk).Rebase(rows);

            var path = parse.GetRequiredValue(output).FullName;
            using (var rejects = new CsvOut(path + ".rejects.csv", "unit_code", "measure", "numerator", "denominator", "reason"))
            {
                foreach (var u in unallocated)
                {
                    await Console.Error.WriteLineAsync($"not allocated: {u.Row.UnitCode} {u.Row.Measure}: {u.Reason}");
                    rejects.Row(u.Row.UnitCode, u.Row.Measure, Text(u.Row.Numerator), Text(u.Row.Denominator), u.Reason);
                }

                rejects.Commit();
            }

            using var csv = new CsvOut(path, "unit_code", "measure", "numerator", "denominator", "complete");
            foreach (var r in rebased)
            {
                csv.Row(r.UnitCode, r.Measure, Text(r.Numerator), Text(r.Denominator), r.Complete ? "true" : "false");
            }

            csv.Commit();
            Console.WriteLine(
                $"{rows.Count} rows on 2024 communes -> {rebased.Count} rows on 2025 communes " +
                $"({rebased.Count(r => r.Complete)} complete); {unallocated.Count} not allocated.");
            return ExitCodes.Success;
        });
        return rebase;
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
