using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Vneid;

/// <summary>
/// Pulls VNeID aggregates for one month page by page, from the stream's cursor: a new pass asks only for items
/// updated since the last complete pass; a pass that failed resumes at its next page.
/// </summary>
public sealed class VneidConnector(IVneidApi api, IOptions<VneidOptions> options, AdminUnitSet units, TimeProvider clock) : ISourceConnector
{
    public const string Stream = "aggregates";

    public static readonly SourceDescriptor Descriptor = new(
        "vneid",
        "VNeID / population aggregates (C06)",
        new UnitKeying(UnitKeyKind.Code, Era.Y2025, "2025 commune codes (ma_xa)"),
        PeriodKind.Month,
        [Stream]);

    private readonly Lazy<HashSet<string>> _communeCodes = new(() =>
        units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToHashSet());

    public SourceDescriptor Source => Descriptor;

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var period = session.Period.ToString();
        var cursor = await StoredCursor.ReadAsync(session, Stream, clock, VneidCursor.Fresh, cancellationToken);
        var since = cursor.Pass is { } pass ? pass.Since : cursor.Watermark;
        var next = cursor.Pass?.Next;
        while (true)
        {
            var request = $"GET /api/v1/aggregates period={period} updated_since={since} cursor={next} limit={o.PageSize}";
            using var response = await api.GetAggregatesAsync($"Bearer {o.ApiToken}", period, since, next, o.PageSize, cancellationToken);
            var payload = await SourceResponse.ReadJsonAsync(session, response, Stream, request, clock, cancellationToken);

            var page = VneidPage.Read(payload.Content, period, _communeCodes.Value);
            cursor = page.Next is null
                ? new VneidCursor(page.AsOf, null)
                : new VneidCursor(cursor.Watermark, new VneidPass(since, page.Next));
            await session.CommitPageAsync(new LandedPage(payload, page.Records, page.Quarantined, cursor.ToString()), cancellationToken);
            if (page.Next is null)
            {
                return;
            }

            next = page.Next;
        }
    }
}
