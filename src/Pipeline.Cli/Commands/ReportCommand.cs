using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Reports;
using Pipeline.Core.Input;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline report levels`: the level report the host serves at /reports/levels, as static files (one self-contained
/// HTML page and its tables as CSV), built by the same <see cref="LevelReportBuilder"/> from the stored levels.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context) => new("report", "Reports from the warehouse as static files.")
    {
        Levels(context),
    };

    private static Command Levels(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "The levels framework (default qd2361).", DefaultValueFactory = _ => CommuneLevels.Framework };
        var era = new Option<string>("--era") { Description = "The map of the evaluation: 2025 (default) or 2024.", DefaultValueFactory = _ => "2025" };
        era.AcceptOnlyFromAmong("2024", "2025");
        var year = new Option<int?>("--year") { Description = "Assessment year (default the latest evaluated on the map)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the files (default out/ beside Pipeline.sln)." };
        var levels = new Command("levels", "Communes per level per province (and district on the 2024 map), the criteria blocking most, the trend on 2025 communes: HTML and CSV.")
        {
            framework,
            era,
            year,
            output,
        };
        levels.SetAction(async (parse, ct) =>
        {
            var map = Eras.Parse(parse.GetRequiredValue(era));
            var frameworkId = parse.GetRequiredValue(framework);
            var askedYear = parse.GetValue(year);
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var builder = new LevelReportBuilder(warehouse);
            var report = await builder.BuildAsync(frameworkId, map, askedYear, ct);
            if (report is null || report.Total.Counts.Evaluated == 0)
            {
                // Nothing to report is the operator's choice of year or map (exit 2), not a failure of the warehouse.
                var stored = await builder.EvaluationsAsync(frameworkId, ct);
                throw new BadInputException(new InputProblem(
                    askedYear is null ? "--era" : "--year",
                    null,
                    $"no {frameworkId} levels stored for {askedYear?.ToString(CultureInfo.InvariantCulture) ?? "any year"} on the {(short)map} map; stored: " +
                    (stored.Count == 0 ? "none yet (the nightly job, or ./pipeline demo, stores them)" : string.Join(", ", stored.Select(e => $"{e.Year} on the {e.Era} map")))));
            }

            var outDirectory = parse.GetValue(output)?.FullName ?? Path.Combine(context.Home, "out");
            var written = LevelReportFiles.Write(report, outDirectory);
            Console.WriteLine(
                $"Levels {report.Framework}, {report.Year} on the {report.Era} map{(report.Simulated ? " (SIMULATED data)" : "")}: " +
                $"{report.Total.Counts.Evaluated} of {report.Total.Communes} communes evaluated in {report.Areas.Count(a => a.DistrictCode is null)} provinces; " +
                $"per level 0..5: {string.Join(' ', report.Total.Counts.Levels)}.");
            Console.WriteLine($"Written in {outDirectory}: {string.Join(", ", written)}.");
            return ExitCodes.Success;
        });
        return levels;
    }
}
