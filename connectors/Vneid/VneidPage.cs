using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Vneid;

/// <summary>
/// Reads one aggregates page (CONTRACT.md) into records and quarantine. The envelope's fields are required: a page
/// without them is schema drift and fails the run. Every item must carry every documented field.
/// </summary>
internal static class VneidPage
{
    private static readonly string[] Fields = ["ma_xa", "dan_so", "dan_so_tu_14", "dan_so_tu_15", "so_ho", "tk_dinh_danh_muc_2"];

    public static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined, string AsOf, string? Next) Read(
        byte[] body, string period, IReadOnlySet<string> knownCodes)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var asOf = Required(root, "as_of").GetString()!;
        var items = Required(root, "items");
        var next = Required(root, "next_cursor") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        if (Required(root, "period").GetString() != period)
        {
            throw new SourceFormatException($"VNeID answered for period {root.GetProperty("period")} when asked for {period}");
        }

        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        var seen = new HashSet<string>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"items[{index++}]";
            foreach (var field in Fields)
            {
                if (!item.TryGetProperty(field, out _))
                {
                    throw new SourceFormatException($"VNeID item {at} has no field '{field}' (fields now: {string.Join(", ", item.EnumerateObject().Select(p => p.Name))})");
                }
            }

            var code = item.GetProperty("ma_xa").GetString() ?? "";
            var problem = !knownCodes.Contains(code) ? (QuarantineReasons.UnknownUnit, $"ma_xa '{code}' is not a 2025 commune code")
                : !seen.Add(code) ? (QuarantineReasons.DuplicateRow, $"second item for ma_xa '{code}' in this page")
                : Counts(item) is { } bad ? (QuarantineReasons.BadValue, bad)
                : default((string, string)?);
            if (problem is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, item.GetRawText(), reason, detail));
                continue;
            }

            var unit = new UnitKey(UnitKeyKind.Code, code, item.TryGetProperty("ten_xa", out var name) ? name.GetString() : null);
            var aged14 = item.GetProperty("dan_so_tu_14").GetDecimal();
            records.Add(Count(unit, "population", item.GetProperty("dan_so").GetDecimal(), null, period, at));
            records.Add(Count(unit, "population_14_plus", aged14, null, period, at));
            records.Add(Count(unit, "population_15_plus", item.GetProperty("dan_so_tu_15").GetDecimal(), null, period, at));
            records.Add(Count(unit, "households", item.GetProperty("so_ho").GetDecimal(), null, period, at));
            records.Add(Count(unit, "eid_level2_accounts", item.GetProperty("tk_dinh_danh_muc_2").GetDecimal(), aged14, period, at));
        }

        return (records, quarantined, asOf, next);
    }

    private static SourceRecord Count(UnitKey unit, string indicator, decimal numerator, decimal? denominator, string period, string at) =>
        new(unit, indicator, period, numerator, denominator, null, ValueUnit.Count, at);

    // Counts are whole, non-negative, and accounts cannot exceed the people eligible for them.
    private static string? Counts(JsonElement item)
    {
        foreach (var field in Fields.Skip(1))
        {
            var value = item.GetProperty(field);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d) || d < 0 || d != decimal.Truncate(d))
            {
                return $"{field} = {value.GetRawText()} is not a non-negative whole number";
            }
        }

        return item.GetProperty("tk_dinh_danh_muc_2").GetDecimal() > item.GetProperty("dan_so_tu_14").GetDecimal()
            ? string.Create(CultureInfo.InvariantCulture, $"tk_dinh_danh_muc_2 exceeds dan_so_tu_14")
            : null;
    }

    private static JsonElement Required(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value
            : throw new SourceFormatException($"VNeID page has no '{name}' field");
}
