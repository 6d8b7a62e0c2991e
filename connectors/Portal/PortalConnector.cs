using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;

namespace Pipeline.Connectors.Portal;

/// <summary>
/// Pulls one month from the national public-service portal's gateway (CONTRACT.md): the commune agency list first
/// (report rows are checked against it), then the procedures-and-dossiers report and the 766 scores, each page by
/// page from its own cursor; finally the agency list is landed, so a run that fails in a report lands nothing else
/// and resumes at the page that failed. Units stay keyed by the portal's own agency ids; a later stage maps them.
/// </summary>
public sealed class PortalConnector(IPortalApi api, IOptions<PortalOptions> options, TimeProvider clock) : ISourceConnector
{
    public const string AgenciesStream = AgencyList.Stream;
    public const string ProceduresStream = "procedures";
    public const string Index766Stream = "index766";

    public static readonly SourceDescriptor Descriptor = new(
        "portal",
        "National public-service portal (Cổng DVCQG) and the 766 index",
        new UnitKeying(UnitKeyKind.SourceId, Era.Y2025, "portal agency ids (ID) of 2025 commune agencies, labelled with TEN", UnitLabelShape.CommuneDashProvince),
        PeriodKind.Month,
        [ProceduresStream, Index766Stream, AgenciesStream]);

    private static readonly ReportStream[] Reports =
    [
        new(ProceduresStream, ProcedureRows.Instance, PortalRequests.Procedures),
        new(Index766Stream, Index766Rows.Instance, PortalRequests.Index766),
    ];

    public SourceDescriptor Source => Descriptor;

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var gateway = new PortalGateway(api, clock);

        // Every stream's cursor before the first request: one that cannot be trusted refuses the whole run.
        var cursors = new List<PortalCursor>();
        foreach (var report in Reports)
        {
            cursors.Add(await StoredCursor.ReadAsync(session, report.Name, clock, PortalCursor.Fresh, cancellationToken));
        }

        var agencies = await AgencyList.FetchAsync(session, gateway, pageSize, cancellationToken);
        foreach (var (report, cursor) in Reports.Zip(cursors))
        {
            await report.PullAsync(session, gateway, cursor, pageSize, agencies.Ids, cancellationToken);
        }

        await agencies.LandAsync(session, cancellationToken);
    }
}
