using System.Text.Json;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// The portal's list of commune agencies (<c>danhmuc_coquan_service</c>): the ids report rows are checked against,
/// and what a later stage builds the portal-id to commune-code mapping from (ID, TEN, MA_COQUAN). It is fetched
/// whole at the start of every run, because the unknown-unit check needs the list as it is now; its pages are
/// landed as payloads without records (the list is reference data, not a measurement of a period), and only once
/// the report streams have completed. Byte-identical pages are stored once, so each version of the list is kept
/// once, with the time it was first fetched.
/// </summary>
internal sealed class AgencyList
{
    public const string Stream = "agencies";
    private static readonly string[] Fields = ["ID", "TEN", "MA_COQUAN", "LOAI_COQUAN", "CAPDONVIID", "TOTAL_ROW"];
    private readonly List<(FetchedPayload Payload, List<QuarantinedRecord> Quarantined)> _pages;

    private AgencyList(HashSet<string> ids, List<(FetchedPayload, List<QuarantinedRecord>)> pages)
    {
        Ids = ids;
        _pages = pages;
    }

    /// <summary>The ids of the commune agencies listed (quarantined rows left out).</summary>
    public IReadOnlySet<string> Ids { get; }

    public static async Task<AgencyList> FetchAsync(IIntakeSession session, PortalGateway gateway, int pageSize, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>();
        var pages = new List<(FetchedPayload, List<QuarantinedRecord>)>();
        for (var page = 1; ; page++)
        {
            var payload = await gateway.FetchAsync(session, Stream, PortalRequests.Agencies(page, pageSize), cancellationToken);
            var (rows, total, quarantined) = Read(payload.Content, ids);
            pages.Add((payload, quarantined));
            if (rows == 0 || (long)page * pageSize >= total)
            {
                break;
            }
        }

        return ids.Count > 0
            ? new AgencyList(ids, pages)
            : throw new SourceFormatException($"{PortalRequests.AgencyService} listed no commune agency: report rows cannot be checked against an empty list");
    }

    /// <summary>Reads one page, adding the valid ids to <paramref name="ids"/> (the list so far, so a repeat on a later page is caught).</summary>
    internal static (int Rows, int Total, List<QuarantinedRecord> Quarantined) Read(byte[] body, HashSet<string> ids)
    {
        using var document = JsonDocument.Parse(body);
        var rows = PortalJson.Rows(document, PortalRequests.AgencyService);
        var quarantined = new List<QuarantinedRecord>();
        var total = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"row[{i}]";
            PortalJson.Require(row, at, Fields, PortalRequests.AgencyService);
            total = PortalJson.Total(row, at, PortalRequests.AgencyService);
            var id = PortalJson.Text(row, "ID");
            var level = (PortalJson.Text(row, "LOAI_COQUAN"), PortalJson.Text(row, "CAPDONVIID"));
            var problem = id is null ? (QuarantineReasons.MissingField, "ID is empty")
                : PortalJson.Text(row, "TEN") is null ? (QuarantineReasons.MissingField, $"TEN is empty for ID '{id}'")
                : PortalJson.Text(row, "MA_COQUAN") is null ? (QuarantineReasons.MissingField, $"MA_COQUAN is empty for ID '{id}'")
                : level != ("3", "2") ? (QuarantineReasons.BadValue, $"LOAI_COQUAN = '{level.Item1}', CAPDONVIID = '{level.Item2}' is not a commune agency (3, 2)")
                : !ids.Add(id) ? (QuarantineReasons.DuplicateRow, $"second row for ID '{id}' in the agency list")
                : default((string, string)?);
            if (problem is var (reason, detail))
            {
                quarantined.Add(new QuarantinedRecord(at, row.GetRawText(), reason, detail));
            }
        }

        return (rows.Count, total, quarantined);
    }

    public async Task LandAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var cursor = JsonSerializer.Serialize(new { Agencies = Ids.Count, Pages = _pages.Count });
        foreach (var (payload, quarantined) in _pages)
        {
            await session.CommitPageAsync(new LandedPage(payload, [], quarantined, cursor), cancellationToken);
        }
    }
}
