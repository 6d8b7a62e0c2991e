using Microsoft.Extensions.Options;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Intake.Cursors;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Health;

/// <summary>
/// Pulls the e-health statistics of one month page by page, from the stream's cursor: a new pass asks only for rows
/// updated after the last complete pass; a pass that failed resumes at the page that failed. The facility registry
/// is read whole as soon as a page has rows to check against it, and landed once the statistics pass is complete,
/// so a pass that fails or is refused lands only the statistics pages it finished (the next run reads the registry
/// again and lands it then; byte-identical registry pages are stored once). Every payload goes through the
/// personal-data guard first: this feed may carry aggregates only.
/// </summary>
public sealed class HealthConnector(IHealthApi api, IOptions<HealthOptions> options, AdminUnitSet units, TimeProvider clock) : ISourceConnector
{
    public const string StatisticsStream = "statistics";
    public const string RegistryStream = "facilities";

    public static readonly SourceDescriptor Descriptor = new(
        "health",
        "Health records statistics (national e-health platform)",
        new UnitKeying(UnitKeyKind.SourceId, Era.Y2025, "own facility codes (MA_CSKCB), labelled \"TEN_CSKCB | MA_XA\" (2025 commune code)", UnitLabelShape.FacilityInCommune),
        PeriodKind.Month,
        [StatisticsStream, RegistryStream]);

    private readonly Lazy<HashSet<string>> _communeCodes = new(() =>
        units.Units2025.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Code).ToHashSet(StringComparer.Ordinal));

    public SourceDescriptor Source => Descriptor;

    private string Bearer => $"Bearer {options.Value.ApiToken}";

    public async Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var period = session.Period.ToString();
        var cursor = await StoredCursor.ReadAsync(session, StatisticsStream, clock, HealthCursor.Fresh, cancellationToken);
        var pass = cursor.Pass ?? new HealthPass(cursor.Watermark, null, options.Value.PageSize, 1);
        FacilityRegistry? registry = null;
        while (true)
        {
            var request = $"GET /api/v1/statistics ky={period} page={pass.Page} size={pass.Size} updated_after={pass.Since}";
            using var response = await api.GetStatisticsAsync(Bearer, period, pass.Page, pass.Size, pass.Since, cancellationToken);
            var payload = await SourceResponse.ReadJsonAsync(session, response, StatisticsStream, request, clock, cancellationToken);
            var page = StatisticsPage.Parse(payload.Content, period, pass.Page);
            if (page.Items.Count > 0)
            {
                registry ??= await ReadRegistryAsync(session, cancellationToken);
            }

            var (records, quarantined) = page.Map(registry, period);
            var asOf = pass.AsOf ?? page.AsOf;
            var done = pass.Page >= page.TotalPages;
            cursor = done ? new HealthCursor(asOf, null) : cursor with { Pass = pass with { AsOf = asOf, Page = pass.Page + 1 } };
            await session.CommitPageAsync(new LandedPage(payload, records, quarantined, cursor.ToString()), cancellationToken);
            if (done)
            {
                break;
            }

            pass = cursor.Pass!;
        }

        if (registry is not null)
        {
            await registry.LandAsync(session, cancellationToken);
        }
    }

    private async Task<FacilityRegistry> ReadRegistryAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        var registry = new FacilityRegistry(_communeCodes.Value);
        var size = options.Value.PageSize;
        for (var page = 1; ; page++)
        {
            var request = $"GET /api/v1/facilities page={page} size={size}";
            using var response = await api.GetFacilitiesAsync(Bearer, page, size, cancellationToken);
            var payload = await SourceResponse.ReadJsonAsync(session, response, RegistryStream, request, clock, cancellationToken);
            if (page >= registry.Read(payload, page))
            {
                return registry;
            }
        }
    }
}
