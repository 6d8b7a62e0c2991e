using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// Reads the items of one dossier-stats page (CONTRACT.md "Fields") into three records per unit, or quarantine. An
/// item without a documented field is schema drift and fails the run; an item with a bad value is quarantined with
/// the field and value named, never dropped or repaired.
/// </summary>
internal static class EmcStatsPage
{
    private const string Received = "dossiersReceived";
    private const string Online = "dossiersReceivedOnline";
    private const string FullyOnline = "dossiersFullyOnline";
    private static readonly string[] TextFields = ["unitId", "unitName", "provinceName", "month"];
    private static readonly string[] CountFields = [Received, Online, FullyOnline];

    // Every documented field must be present; all but updatedAt (lineage, not data) must also hold a value.
    private static readonly string[] Fields = [.. TextFields, .. CountFields, "updatedAt"];
    private static readonly string[] ValueFields = [.. TextFields, .. CountFields];

    public static (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) Read(
        JsonElement data, string month, IReadOnlySet<string> knownUnits)
    {
        var items = data.EnumerateArray().ToList();
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        for (var i = 0; i < items.Count; i++)
        {
            RequireFields(items[i], $"data[{i}]");
        }

        // Copies of one unit that disagree: none can be chosen without guessing, so all go to quarantine.
        var conflicting = items
            .GroupBy(item => Text(item, "unitId") ?? "")
            .Where(g => g.Key.Length > 0 && g.Select(item => item.GetRawText()).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"data[{i}]";
            if (Problem(item, month, knownUnits, conflicting, seen) is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, item.GetRawText(), reason, detail));
                continue;
            }

            var unit = new UnitKey(UnitKeyKind.SourceId, Text(item, "unitId")!, $"{Text(item, "unitName")} - {Text(item, "provinceName")}");
            var received = item.GetProperty(Received).GetDecimal();
            records.Add(new SourceRecord(unit, "dossiers_received", month, received, null, null, ValueUnit.Count, at));
            records.Add(new SourceRecord(unit, "dossiers_online", month, item.GetProperty(Online).GetDecimal(), received, null, ValueUnit.Count, at));
            records.Add(new SourceRecord(unit, "dossiers_fully_online", month, item.GetProperty(FullyOnline).GetDecimal(), received, null, ValueUnit.Count, at));
        }

        return (records, quarantined);
    }

    private static (string Reason, string Detail)? Problem(
        JsonElement item, string month, IReadOnlySet<string> knownUnits, HashSet<string> conflicting, HashSet<string> seen)
    {
        foreach (var field in ValueFields)
        {
            var value = item.GetProperty(field);
            if (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0))
            {
                return (QuarantineReasons.MissingField, $"{field} is {value.GetRawText()}");
            }

            if (Array.IndexOf(TextFields, field) >= 0 && value.ValueKind != JsonValueKind.String)
            {
                return (QuarantineReasons.BadValue, $"{field} = {value.GetRawText()} is not a string");
            }
        }

        var id = Text(item, "unitId")!;
        if (!knownUnits.Contains(id))
        {
            return (QuarantineReasons.UnknownUnit, $"unitId {item.GetProperty("unitId").GetRawText()} is not in EMC's unit list (/api/v2/units)");
        }

        if (Text(item, "month") != month)
        {
            return (QuarantineReasons.WrongPeriod, $"month {item.GetProperty("month").GetRawText()} is not the month requested, {month}");
        }

        if (conflicting.Contains(id))
        {
            return (QuarantineReasons.DuplicateRow, $"unitId '{id}' has several items with different values in this page");
        }

        if (!seen.Add(id))
        {
            return (QuarantineReasons.DuplicateRow, $"second item for unitId '{id}' in this page");
        }

        return Counts(item);
    }

    // Counts are whole and non-negative, and each is part of the one before: fully online within online within received.
    private static (string, string)? Counts(JsonElement item)
    {
        foreach (var field in CountFields)
        {
            var value = item.GetProperty(field);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var d) || d < 0 || d != decimal.Truncate(d))
            {
                return (QuarantineReasons.BadValue, $"{field} = {value.GetRawText()} is not a non-negative whole number");
            }
        }

        var received = item.GetProperty(Received).GetDecimal();
        var online = item.GetProperty(Online).GetDecimal();
        var fully = item.GetProperty(FullyOnline).GetDecimal();
        return online > received ? (QuarantineReasons.BadValue, string.Create(CultureInfo.InvariantCulture, $"{Online} = {online} exceeds {Received} = {received}"))
            : fully > online ? (QuarantineReasons.BadValue, string.Create(CultureInfo.InvariantCulture, $"{FullyOnline} = {fully} exceeds {Online} = {online}"))
            : null;
    }

    private static void RequireFields(JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SourceFormatException($"EMC dossier-stats {at} is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        foreach (var field in Fields)
        {
            if (!item.TryGetProperty(field, out _))
            {
                throw new SourceFormatException(
                    $"EMC dossier-stats {at} has no field '{field}' (fields now: {string.Join(", ", item.EnumerateObject().Select(p => p.Name))})");
            }
        }
    }

    private static string? Text(JsonElement item, string field) =>
        item.GetProperty(field) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
