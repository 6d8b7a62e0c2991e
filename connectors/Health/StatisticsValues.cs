using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Health;

/// <summary>
/// The values of one statistics item, by the kind of its facility: a station (TYT) gives its e-health books over the
/// people it serves and its 3532 HIS flag; a hospital or clinic gives its EMR flag. A field the contract gives for
/// the other kind must be null: a value there means the source and the registry disagree on what the facility is,
/// and the row is quarantined rather than guessed at.
/// </summary>
internal static class StatisticsValues
{
    private static readonly string[] StationFields = [StatisticsPage.Books, StatisticsPage.Served, StatisticsPage.His];
    private static readonly string[] FacilityFields = [StatisticsPage.Emr];

    /// <summary>Why the item's values cannot be accepted, or null when they can.</summary>
    public static (string Reason, string Detail)? Check(JsonElement item, RegisteredFacility facility)
    {
        var station = facility.Kind == RegisteredFacility.Station;
        foreach (var field in station ? StationFields : FacilityFields)
        {
            var value = item.GetProperty(field);
            if (value.ValueKind == JsonValueKind.Null)
            {
                return (QuarantineReasons.MissingField, $"{field} is null for {facility.Kind} '{facility.Code}'");
            }

            if (!IsWhole(value, out var number) || (field is StatisticsPage.His or StatisticsPage.Emr && number > 1))
            {
                var expected = field is StatisticsPage.His or StatisticsPage.Emr ? "0 or 1" : "a non-negative whole number";
                return (QuarantineReasons.BadValue, $"{field} = {value.GetRawText()} is not {expected}");
            }
        }

        foreach (var field in station ? FacilityFields : StationFields)
        {
            if (item.GetProperty(field).ValueKind != JsonValueKind.Null)
            {
                return (QuarantineReasons.BadValue,
                    $"{field} = {item.GetProperty(field).GetRawText()} given for {facility.Kind} '{facility.Code}'; the contract gives it for {(station ? "BV and PK" : "TYT")} only");
            }
        }

        if (station && item.GetProperty(StatisticsPage.Books).GetDecimal() > item.GetProperty(StatisticsPage.Served).GetDecimal())
        {
            return (QuarantineReasons.BadValue,
                $"{StatisticsPage.Books} = {item.GetProperty(StatisticsPage.Books)} exceeds {StatisticsPage.Served} = {item.GetProperty(StatisticsPage.Served)}");
        }

        return item.GetProperty("cap_nhat_luc") is { ValueKind: JsonValueKind.String } stamp
            && DateTimeOffset.TryParse(stamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : (QuarantineReasons.BadValue, $"cap_nhat_luc = {item.GetProperty("cap_nhat_luc").GetRawText()} is not an ISO 8601 date-time");
    }

    /// <summary>The records of an item <see cref="Check"/> accepted.</summary>
    public static IEnumerable<SourceRecord> Records(JsonElement item, RegisteredFacility facility, string period, string at)
    {
        var unit = facility.Key;
        if (facility.Kind == RegisteredFacility.Station)
        {
            yield return new SourceRecord(unit, "ehealth_records", period,
                item.GetProperty(StatisticsPage.Books).GetDecimal(), item.GetProperty(StatisticsPage.Served).GetDecimal(), null, ValueUnit.Count, at);
            yield return new SourceRecord(unit, "his_3532", period, null, null, item.GetProperty(StatisticsPage.His).GetDecimal(), ValueUnit.Flag, at);
        }
        else
        {
            yield return new SourceRecord(unit, "emr", period, null, null, item.GetProperty(StatisticsPage.Emr).GetDecimal(), ValueUnit.Flag, at);
        }
    }

    private static bool IsWhole(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number) && number >= 0 && number == decimal.Truncate(number);
    }
}
