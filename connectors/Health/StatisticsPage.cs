using System.Globalization;
using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Health;

/// <summary>
/// One statistics page (CONTRACT.md): the envelope, and every item checked for every documented field before
/// anything is mapped, so a renamed field fails the run before the registry is even fetched.
/// </summary>
internal sealed record StatisticsPage(string AsOf, int TotalPages, IReadOnlyList<JsonElement> Items)
{
    public const string Books = "so_nguoi_co_so_suc_khoe_dien_tu";
    public const string Served = "dan_so_quan_ly";
    public const string His = "his_3532";
    public const string Emr = "benh_an_dien_tu";

    private static readonly string[] Fields = ["MA_CSKCB", Books, Served, His, Emr, "cap_nhat_luc"];

    public static StatisticsPage Parse(byte[] body, string period, int page)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        const string what = "statistics page";
        var ky = HealthJson.Required(root, "ky", what) is { ValueKind: JsonValueKind.String } k ? k.GetString() : null;
        if (ky != period)
        {
            throw new SourceFormatException($"health statistics answered for ky {ky} when asked for {period}");
        }

        if (HealthJson.RequiredInt(root, "page", what) != page)
        {
            throw new SourceFormatException($"health statistics answered page {root.GetProperty("page")} when asked for page {page}");
        }

        var asOf = HealthJson.Required(root, "as_of", what) is { ValueKind: JsonValueKind.String } a
            && DateTimeOffset.TryParse(a.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? a.GetString()!
                : throw new SourceFormatException($"health statistics field 'as_of' is not an ISO 8601 date-time");
        var totalPages = HealthJson.RequiredInt(root, "total_pages", what);
        var items = new List<JsonElement>();
        foreach (var item in HealthJson.RequiredArray(root, "items", what).EnumerateArray())
        {
            HealthJson.RequireFields(item, Fields, $"statistics items[{items.Count}]");
            items.Add(item.Clone());
        }

        return new StatisticsPage(asOf, totalPages, items);
    }

    /// <summary>Maps the items to records, quarantining unknown facilities, repeats and bad values.</summary>
    public (List<SourceRecord> Records, List<QuarantinedRecord> Quarantined) Map(FacilityRegistry? registry, string period)
    {
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var at = $"items[{i}]";
            var code = HealthJson.Text(item, "MA_CSKCB");
            var facility = code is null ? null : registry?.Find(code);
            var problem = code is null ? (QuarantineReasons.MissingField, "MA_CSKCB is empty")
                : facility is null ? (QuarantineReasons.UnknownUnit, registry?.WhyUnknown(code) ?? $"MA_CSKCB '{code}': no registry read")
                : !seen.Add(code) ? (QuarantineReasons.DuplicateRow, $"second item for MA_CSKCB '{code}' in this page")
                : StatisticsValues.Check(item, facility);
            if (problem is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, item.GetRawText(), reason, detail));
                continue;
            }

            records.AddRange(StatisticsValues.Records(item, facility!, period, at));
        }

        return (records, quarantined);
    }
}
