using System.Globalization;
using Pipeline.Cli.Evaluation;
using Pipeline.Warehouse.Prefill;

namespace Pipeline.Cli.Prefill;

/// <summary>The pre-filled values of every commune in scope as one CSV, a line per commune and criterion.</summary>
internal static class PrefillCsv
{
    public static void Write(IReadOnlyList<CommunePrefill> communes, string path)
    {
        using var csv = new CsvOut(
            path, "unit_code", "unit_name", "province_code", "criterion", "criterion_name", "unit", "value", "denominator", "percent", "status",
            "source", "as_of", "evidence", "simulated", "level", "attainable_level", "blocking", "missing", "low", "high", "note", "undetermined");
        foreach (var commune in communes)
        {
            foreach (var c in commune.Criteria)
            {
                csv.Row(
                    commune.UnitCode, commune.UnitName, commune.ProvinceCode, c.Code, c.Name, c.Unit ?? "", Text(c.Value), Text(c.Denominator), Text(c.Percent),
                    c.Status, c.Source ?? "", c.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.Evidence ?? "", c.Simulated ? "true" : "false",
                    Text(commune.Level), Text(commune.AttainableLevel), string.Join(';', commune.Blocking), string.Join(';', commune.Missing),
                    Text(c.Low), Text(c.High), c.Note ?? "", string.Join(';', commune.Undetermined));
            }
        }

        csv.Commit();
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
