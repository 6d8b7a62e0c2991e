using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Intake;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Pulls one report service for the session's period page by page from the stream's stored cursor, committing each page
/// with the cursor after it. Rows are checked against the commune agency list fetched at the start of the run.
/// </summary>
/// <param name="Request">Builds the service's params: period, <c>p_capnhat_tu</c> (or null), page, page size.</param>
internal sealed record ReportStream(string Name, IReportRows Rows, Func<Period, string?, int, int, JsonObject> Request)
{
    public async Task PullAsync(
        IIntakeSession session, PortalGateway gateway, PortalCursor cursor, int pageSize, IReadOnlySet<string> agencies, CancellationToken cancellationToken)
    {
        var pass = cursor.Pass ?? PortalPass.Start(cursor.Watermark, pageSize, session.RunId);
        while (true)
        {
            var payload = await gateway.FetchAsync(
                session, Name, Request(session.Period, pass.Since, pass.NextPage, pass.PageSize), cancellationToken);
            var page = ReportPage.Read(payload.Content, Rows, session.Period.ToString(), agencies);
            var last = pass.EndsWith(page);
            pass = pass.After(page, session.RunId);
            cursor = last ? new PortalCursor(pass.Watermark(), null) : cursor with { Pass = pass };
            await session.CommitPageAsync(new LandedPage(payload, page.Records, page.Quarantined, cursor.ToString()), cancellationToken);
            if (last)
            {
                return;
            }
        }
    }
}
