using System.Globalization;
using Pipeline.Intake;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// The rows of one file that mapped: checked against the file's period, the registry (which also labels them) and each
/// other (one row per postcode), then turned into the five records of CONTRACT.md "Mapping to indicators".
/// </summary>
internal sealed class ExportRows(string period, PostcodeRegistry registry)
{
    /// <summary>An accepted row gives this many records.</summary>
    public const int RecordsPerRow = 5;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<SourceRecord> Records { get; } = [];

    public List<QuarantinedRecord> Quarantined { get; } = [];

    public void Quarantine(long line, string raw, string reason, string detail) =>
        Quarantined.Add(new QuarantinedRecord(Ref(line), raw, reason, detail));

    public void Add(ExportRow row, long line, string raw)
    {
        var label = registry.LabelOf(row.Postcode);
        var problem = row.Period != period ? (QuarantineReasons.WrongPeriod, $"period '{row.Period}' in a file of period {period}")
            : label is null ? (QuarantineReasons.UnknownUnit, $"postcode '{row.Postcode}' is not in the postcode registry")
            : !_seen.Add(row.Postcode) ? (QuarantineReasons.DuplicateRow, $"second row for postcode '{row.Postcode}' in this file")
            : ExportRowChecks.Problem(row);
        if (problem is var (reason, detail))
        {
            Quarantine(line, raw, reason, detail);
            return;
        }

        var unit = new UnitKey(UnitKeyKind.SourceId, row.Postcode, label);
        var at = Ref(line);
        Records.Add(Count(unit, "service_points", row.ServicePoints, null, at));
        Records.Add(Count(unit, "service_points_with_internet_pc", row.ServicePointsWithPc, row.ServicePoints, at));
        Records.Add(Count(unit, "ocop_products", row.OcopProducts, null, at));
        Records.Add(Count(unit, "ocop_products_online", row.OcopProductsOnline, row.OcopProducts, at));
        Records.Add(Count(unit, "digital_addresses", row.DigitalAddresses, row.Households, at));
    }

    private static string Ref(long line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    private SourceRecord Count(UnitKey unit, string indicator, long? numerator, long? denominator, string at) =>
        new(unit, indicator, period, numerator, denominator, null, ValueUnit.Count, at);
}
