using System.Globalization;
using Npgsql;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Levels;

namespace Pipeline.Cli.Demo;

/// <summary>
/// The year's 2361 inputs and levels as files: the criterion values the job evaluated
/// (<c>analytics.criterion_inputs_qd2361</c>, in evaluate's IN.csv shape, so `./pipeline evaluate` can be run on them
/// by hand) and the levels it stored (<c>analytics.levels</c>, in evaluate's OUT.csv shape). When some value carries
/// bounds (operators' parts combined, SPEC section 5), the inputs gain `low,high` and the levels `undetermined`, as
/// evaluate reads and writes them, so evaluating the inputs file gives the levels file.
/// </summary>
internal static class DemoLevels
{
    /// <param name="provinces">2025 province codes to write (null: all), for a demo on a few provinces.</param>
    public static async Task<IReadOnlyList<StoredUnitLevel>> WriteAsync(
        NpgsqlDataSource warehouse, int year, IReadOnlySet<string>? provinces, string outDirectory, CancellationToken ct)
    {
        var reader = new LevelReader(warehouse);
        var levels = (await reader.LevelsAsync(CommuneLevels.Framework, Era.Y2025, year, ct))
            .Where(l => provinces is null || provinces.Contains(l.ProvinceCode))
            .ToList();
        var written = levels.Select(l => l.UnitCode).ToHashSet(StringComparer.Ordinal);
        var inputs = (await reader.CriterionValuesAsync(Era.Y2025, year, ct))
            .Where(i => written.Contains(i.UnitCode))
            .ToList();
        var bounded = inputs.Any(i => i.Low is not null);
        string[] inputHeader = ["unit_code", "criterion", "value", "denominator"];
        using (var csv = new CsvOut(Path.Combine(outDirectory, $"qd2361_inputs_{year}.csv"), bounded ? [.. inputHeader, "low", "high"] : inputHeader))
        {
            foreach (var row in inputs)
            {
                string[] fields = [row.UnitCode, row.Criterion, Text(row.Value), Text(row.Denominator)];
                csv.Row(bounded ? [.. fields, Text(row.Low), Text(row.High)] : fields);
            }

            csv.Commit();
        }

        string[] levelHeader = ["unit_code", "scope", "level", "attainable_level", "blocking", "missing"];
        using (var csv = new CsvOut(Path.Combine(outDirectory, $"qd2361_levels_{year}.csv"), bounded ? [.. levelHeader, "undetermined"] : levelHeader))
        {
            foreach (var level in levels)
            {
                string[] fields = [level.UnitCode, "commune", Text(level.Level), Text(level.AttainableLevel), level.Blocking, level.Missing];
                csv.Row(bounded ? [.. fields, level.Undetermined] : fields);
            }

            csv.Commit();
        }

        return levels;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal? value) => value is { } v ? Text(v) : "";
}
