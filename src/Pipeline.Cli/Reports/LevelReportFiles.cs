using System.Globalization;
using Pipeline.Cli.Evaluation;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Cli.Reports;

/// <summary>
/// The level report's files under out/: the page (<see cref="LevelReportHtml"/>) and its three tables as CSV, each
/// row saying whether the year's data may be SIMULATED. Every file is written beside its target and moved into place
/// when complete.
/// </summary>
internal static class LevelReportFiles
{
    private static readonly string[] Levels = ["level_0", "level_1", "level_2", "level_3", "level_4", "level_5"];
    private static readonly string[] Attainable = ["attainable_0", "attainable_1", "attainable_2", "attainable_3", "attainable_4", "attainable_5"];

    /// <returns>The names of the files written.</returns>
    public static IReadOnlyList<string> Write(LevelReport report, string outDirectory)
    {
        // The 2025 map is the default; a report on the 2024 map says so in its names (a year such as 2024 has both).
        var year = report.Year.ToString(CultureInfo.InvariantCulture) + (report.Era == (short)Core.Units.Era.Y2024 ? "_2024_units" : "");
        string[] names = [$"levels_report_{year}.html", $"levels_by_province_{year}.csv", $"blocking_criteria_{year}.csv", "levels_trend.csv"];
        LevelReportHtml.Write(report, Path.Combine(outDirectory, names[0]));
        WriteAreas(report, Path.Combine(outDirectory, names[1]));
        WriteCriteria(report, Path.Combine(outDirectory, names[2]));
        WriteTrend(report, Path.Combine(outDirectory, names[3]));
        return names;
    }

    private static void WriteAreas(LevelReport report, string path)
    {
        using var csv = new CsvOut(path, ["era", "year", "province_code", "province_name", "district_code", "district_name", "communes", "evaluated", .. Levels, .. Attainable, "simulated"]);
        foreach (var a in report.Areas)
        {
            csv.Row([Text(report.Era), Text(report.Year), a.ProvinceCode ?? "", a.ProvinceName ?? "", a.DistrictCode ?? "", a.DistrictName ?? "", Text(a.Communes), .. Counts(a.Counts), Flag(report.Simulated)]);
        }

        csv.Commit();
    }

    /// <summary>All communes first (no province), then each province and, on the 2024 map, each district.</summary>
    private static void WriteCriteria(LevelReport report, string path)
    {
        using var csv = new CsvOut(path, "era", "year", "province_code", "province_name", "district_code", "district_name", "criterion", "name", "blocking", "missing", "simulated");
        foreach (var area in (IEnumerable<AreaLevels>)[report.Total, .. report.Areas])
        {
            foreach (var c in area.Criteria)
            {
                csv.Row(
                    Text(report.Era), Text(report.Year), area.ProvinceCode ?? "", area.ProvinceName ?? "", area.DistrictCode ?? "", area.DistrictName ?? "",
                    c.Criterion, c.Name, Text(c.Blocking), Text(c.Missing), Flag(report.Simulated));
            }
        }

        csv.Commit();
    }

    /// <summary>Per year on the trend map: all communes (no province), then each province.</summary>
    private static void WriteTrend(LevelReport report, string path)
    {
        using var csv = new CsvOut(path, ["era", "year", "province_code", "province_name", "evaluated", .. Levels, .. Attainable, "simulated"]);
        foreach (var t in report.Trend)
        {
            csv.Row([Text(report.TrendEra), Text(t.Year), t.ProvinceCode ?? "", t.ProvinceName ?? "", .. Counts(t.Counts), Flag(t.Simulated)]);
        }

        csv.Commit();
    }

    /// <summary>evaluated, level_0..5, attainable_0..5.</summary>
    private static string[] Counts(LevelCounts counts) => [Text(counts.Evaluated), .. counts.Levels.Select(Text), .. counts.Attainable.Select(Text)];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool simulated) => simulated ? "true" : "false";
}
