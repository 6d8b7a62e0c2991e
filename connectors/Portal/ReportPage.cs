using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// One page of a report service read into records and quarantine. Every row is keyed by the portal's own agency
/// id (<c>ID</c>, labelled with <c>TEN</c>) and must name an agency of the portal's commune agency list; the page
/// also gives the paging total and the latest <c>NGAY_CAPNHAT</c> it holds, which becomes the stream's watermark.
/// </summary>
/// <param name="Rows">Rows in the page, quarantined ones included (paging counts them all).</param>
/// <param name="Total">TOTAL_ROW: rows of the whole result, over all pages; 0 for an empty page.</param>
/// <param name="Latest">The latest NGAY_CAPNHAT in the page, as the portal wrote it; null when none parses.</param>
internal sealed record ReportPage(List<SourceRecord> Records, List<QuarantinedRecord> Quarantined, int Rows, int Total, string? Latest)
{
    private static readonly string[] Keys = ["ID", "TEN", "NGAY_CAPNHAT", "TOTAL_ROW"];

    public static ReportPage Read(byte[] body, IReportRows report, string period, IReadOnlySet<string> agencies)
    {
        using var document = JsonDocument.Parse(body);
        var rows = PortalJson.Rows(document, report.Service);
        var records = new List<SourceRecord>();
        var quarantined = new List<QuarantinedRecord>();
        var seen = new HashSet<string>();
        var total = 0;
        string? latest = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"row[{i}]";
            PortalJson.Require(row, at, Keys, report.Service);
            PortalJson.Require(row, at, report.Fields, report.Service);
            total = PortalJson.Total(row, at, report.Service);
            var updated = PortalJson.Text(row, "NGAY_CAPNHAT");
            var dated = PortalTime.TryParse(updated, out _);
            if (dated)
            {
                latest = PortalTime.Later(latest, updated);
            }

            var id = PortalJson.Text(row, "ID");
            var name = PortalJson.Text(row, "TEN");
            var problem = id is null ? (QuarantineReasons.MissingField, "ID is empty")
                : name is null ? (QuarantineReasons.MissingField, $"TEN is empty for ID '{id}'")
                : !agencies.Contains(id) ? (QuarantineReasons.UnknownUnit, $"ID '{id}' is not in the portal's commune agency list")
                : !seen.Add(id) ? (QuarantineReasons.DuplicateRow, $"second row for ID '{id}' in this page")
                : !dated ? (QuarantineReasons.BadValue, $"NGAY_CAPNHAT = {row.GetProperty("NGAY_CAPNHAT").GetRawText()} is not {PortalTime.Format}")
                : report.Problem(row) is { } bad ? (QuarantineReasons.BadValue, bad)
                : default((string, string)?);
            if (problem is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, row.GetRawText(), reason, detail));
                continue;
            }

            records.AddRange(report.Records(row, new UnitKey(UnitKeyKind.SourceId, id!, name), period, at));
        }

        return new ReportPage(records, quarantined, rows.Count, total, latest);
    }
}
