using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Util;

namespace Pipeline.Simulators.Portal;

/// <summary>
/// SIMULATED national public-service portal gateway (connectors/Portal/CONTRACT.md): one POST endpoint taking
/// <c>params=&lt;JSON&gt;</c>, three services told apart by the JSON's <c>service</c> (the commune agency list,
/// the monthly procedures-and-dossiers report, the monthly 766 scores), each answering a bare JSON array paged by
/// pageIndex/pageSize with ROW_STT and TOTAL_ROW on every row. Reports are published monthly from 2025-07 and some
/// rows revised later (<see cref="Publication"/>); <c>p_capnhat_tu</c> returns only rows updated after it.
/// </summary>
public sealed class PortalSimulator(SimulationData data, SimulationClock clock) : SimulatedSource(data, clock)
{
    public const string AgencyService = "danhmuc_coquan_service";
    public const string ProcedureService = "report_tthc_xa_service";
    public const string Index766Service = "report_tinh_766_service";
    private const string Path = "/jsp/rest.jsp";
    private static readonly Period FirstPeriod = Period.Month(2025, 7);
    private static readonly ErrorBody BadPaging = new(400, "pageIndex must be 1 or more and pageSize 1 to 1000");
    private static readonly string[] AgencyColumns = ["ID", "TEN", "MA_COQUAN", "LOAI_COQUAN", "CAPDONVIID", "ROW_STT", "TOTAL_ROW"];

    private static readonly string[] ProcedureColumns =
    [
        "ID", "TEN", "MA_COQUAN", "TONG_TTHC", "TTHC_DU_DK_TOANTRINH", "TTHC_TOANTRINH", "HS_TIEPNHAN", "HS_TRUCTUYEN", "HS_TOANTRINH",
        "NGAY_CAPNHAT", "ROW_STT", "TOTAL_ROW",
    ];

    private static readonly string[] Index766Columns =
    [
        "ID", "TEN", "MA_COQUAN", "LOAI_COQUAN", "CAPDONVIID", "TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB", "TONG_SCORE",
        "NGAY_CAPNHAT", "ROW_STT", "TOTAL_ROW",
    ];

    private readonly Lazy<IReadOnlyList<PortalAgency>> _agencies = new(() => PortalAgency.All(data));
    private readonly ConcurrentDictionary<(string, Period, DateTimeOffset), List<(PortalAgency Agency, int Version, DateTimeOffset UpdatedAt)>> _visible = new();

    public override string Name => "portal";

    /// <summary>Both reports publish a month ten days after it ends; a few rows are revised five weeks later.</summary>
    public static Publication Publication { get; } = Publication.Monthly;

    /// <summary>One agency per 2025 commune, in the order the portal lists them (by MA_COQUAN).</summary>
    public IReadOnlyList<PortalAgency> Agencies => _agencies.Value;

    /// <summary>Every agency in each of the two report streams, for a month from 2025-07 published at the clock's date.</summary>
    public override int ExpectedUnitKeys(Period period) => Published(period) ? 2 * Agencies.Count : 0;

    /// <summary>The values a report row of the agency shows at the clock's date (procedures then 766), or null before publication.</summary>
    public (long[] Procedures, decimal[] Index766)? Values(PortalAgency agency, Period period) =>
        Published(period)
            ? (PortalFigures.Procedures(agency, period, Publication.Visible(Name, agency.Id, period, Clock.AsOf)!.Value.Version),
               PortalFigures.Index766(agency, period, Publication.Visible(Index766Key, agency.Id, period, Clock.AsOf)!.Value.Version))
            : null;

    // The 766 scores are revised independently of the dossier counts.
    private string Index766Key => $"{Name}-766";

    protected override void RegisterEndpoints()
    {
        Endpoint("agencies", Gateway(AgencyService), AgencyList);
        Endpoint("procedures", Gateway(ProcedureService), Procedures);
        Endpoint("index766", Gateway(Index766Service), Index766);
    }

    protected override IReadOnlyDictionary<string, string> ParametersOf(IRequestMessage request) => PortalForm.Parameters(request.Body);

    private static IRequestBuilder Gateway(string service) =>
        Request.Create().WithPath(Path).UsingPost().WithBody((IBodyData? body) => PortalForm.Service(body?.BodyAsString) == service);

    private bool Published(Period period) =>
        Publication.Publishes(period, FirstPeriod, Clock.AsOf);

    private SimBody AgencyList(SimRequest request)
    {
        if (Refused(request) is { } refused)
        {
            return refused;
        }

        if (Paging(request) is not var (page, size))
        {
            return BadPaging;
        }

        // The simulator holds commune agencies only: other levels answer an empty list.
        var communes = request.Get("p_capdonvi") == "2" && request.Get("p_loaicoquan") == "3";
        return Page(AgencyColumns, communes ? Agencies : [], page, size, a => [a.Id, a.Name, a.Code, "3", "2"]);
    }

    private SimBody Procedures(SimRequest request) =>
        Report(request, Name, ProcedureColumns, (agency, period, version) => [.. PortalFigures.Procedures(agency, period, version).Cast<object?>()]);

    private SimBody Index766(SimRequest request) =>
        Report(request, Index766Key, Index766Columns, (agency, period, version) => ["3", "2", .. PortalFigures.Index766(agency, period, version).Cast<object?>()]);

    /// <summary>A report: every agency's row for the month as visible at the clock's date, updated after p_capnhat_tu.</summary>
    private SimBody Report(SimRequest request, string revisionKey, string[] columns, Func<PortalAgency, Period, int, object?[]> values)
    {
        if (Refused(request) is { } refused)
        {
            return refused;
        }

        if (Paging(request) is not var (page, size))
        {
            return BadPaging;
        }

        if (!int.TryParse(request.Get("p_nam"), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(request.Get("p_thang"), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 2000 or > 2100 || month is < 1 or > 12)
        {
            return new ErrorBody(400, "p_nam and p_thang must give a year and a month (1-12)");
        }

        DateTimeOffset? since = null;
        if (request.Get("p_capnhat_tu") is { Length: > 0 } text)
        {
            if (!PortalForm.TryParse(text, out var parsed))
            {
                return new ErrorBody(400, $"p_capnhat_tu must be {PortalForm.TimeFormat}");
            }

            since = parsed;
        }

        // Which rows the result holds is known once per clock date; values are drawn only for the page asked for.
        var period = Period.Month(year, month);
        var visible = _visible.GetOrAdd((revisionKey, period, Clock.AsOf), Visible)
            .Where(r => since is null || r.UpdatedAt > since)
            .ToList();
        return Page(columns, visible, page, size, r =>
            [r.Agency.Id, r.Agency.Name, r.Agency.Code, .. values(r.Agency, period, r.Version), PortalForm.Format(r.UpdatedAt)]);
    }

    private List<(PortalAgency Agency, int Version, DateTimeOffset UpdatedAt)> Visible((string RevisionKey, Period Period, DateTimeOffset AsOf) key) =>
        key.Period.Start < FirstPeriod.Start
            ? []
            : Agencies
                .Select(agency => (Agency: agency, Visible: Publication.Visible(key.RevisionKey, agency.Id, key.Period, key.AsOf)))
                .Where(r => r.Visible is not null)
                .Select(r => (r.Agency, r.Visible!.Value.Version, r.Visible!.Value.UpdatedAt))
                .ToList();

    // Requests without the XHR header are refused, as the gateway refuses bare scripted calls.
    private static ErrorBody? Refused(SimRequest request) =>
        request.Headers.GetValueOrDefault("X-Requested-With") == "XMLHttpRequest"
            ? null
            : new ErrorBody(403, "requests must carry X-Requested-With: XMLHttpRequest");

    private static (int Page, int Size)? Paging(SimRequest request) =>
        (request.GetInt("pageIndex", 0), request.GetInt("pageSize", 0)) is var (page, size) && page >= 1 && size is >= 1 and <= 1000
            ? (page, size)
            : null;

    /// <summary>One page of the result, each row with its position in the whole result (ROW_STT) and the result's size (TOTAL_ROW).</summary>
    private static JsonRows Page<T>(string[] columns, IReadOnlyList<T> result, int page, int size, Func<T, object?[]> row)
    {
        var slice = result.Skip((page - 1) * size).Take(size)
            .Select((item, i) => (object?[])[.. row(item), ((page - 1) * size) + i + 1, result.Count])
            .ToList();
        return new JsonRows(new SimTable(columns, slice, "ID", i => $"99990{i}"), items => items);
    }
}
