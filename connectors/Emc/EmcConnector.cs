using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// Pulls EMC's dossier counts for one month page by page, from the stream's cursor. A pass asks for what changed
/// since the last complete pass, with every page after the first pinned to the first page's <c>asOf</c>, so that a
/// failed run resumes at the page that failed and gets the same answer it would have got. EMC's unit list is read
/// (once per run, only when there are items to check) to quarantine items keyed by ids EMC does not list.
/// </summary>
public sealed class EmcConnector(IEmcApi api, IOptions<EmcOptions> options, TimeProvider clock) : ISourceConnector
{
    public const string Stream = "dossier-stats";

    public static readonly SourceDescriptor Descriptor = new(
        "emc",
        "EMC monitoring of online public-service provision and use",
        new UnitKeying(UnitKeyKind.SourceId, Era.Y2025, "EMC's own unit ids (unitId) of 2025 communes, labelled '<unitName> - <provinceName>'", UnitLabelShape.CommuneDashProvince),
        PeriodKind.Month,
        [Stream]);

    public SourceDescriptor Source => Descriptor;

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var month = session.Period.ToString();
        var cursor = await StoredCursor.ReadAsync(session, Stream, clock, EmcCursor.Fresh, cancellationToken);
        var since = cursor.Pass is { } pass ? pass.Since : cursor.Watermark;
        var until = cursor.Pass?.Until;
        var page = cursor.Pass?.NextPage ?? 1;
        IReadOnlySet<string>? knownUnits = null;
        while (true)
        {
            var request = $"GET /api/v2/dossier-stats month={month} page={page} size={o.PageSize} modifiedSince={since} modifiedUntil={until}";
            using var response = await api.GetDossierStatsAsync(o.ApiKey, month, page, o.PageSize, since, until, cancellationToken);
            var payload = await SourceResponse.ReadJsonAsync(session, response, Stream, request, clock, cancellationToken);

            using var document = JsonDocument.Parse(payload.Content);
            var envelope = EmcEnvelope.Read(document.RootElement, "dossier-stats", page, o.PageSize, withAsOf: true);
            if (until is not null && envelope.AsOf != until)
            {
                throw new SourceFormatException($"EMC answered page {page} as of {envelope.AsOf} when asked for modifiedUntil={until}");
            }

            until = envelope.AsOf!;
            var (records, quarantined) = envelope.Data.GetArrayLength() == 0
                ? ([], [])
                : EmcStatsPage.Read(envelope.Data, month, knownUnits ??= await EmcUnitList.ReadAsync(api, o, session, clock, cancellationToken));
            var last = page >= envelope.TotalPages;
            cursor = last ? new EmcCursor(until, null) : new EmcCursor(cursor.Watermark, new EmcPass(since, until, page + 1));
            await session.CommitPageAsync(new LandedPage(payload, records, quarantined, cursor.ToString()), cancellationToken);
            if (last)
            {
                return;
            }

            page++;
        }
    }
}
