using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock.RequestBuilders;

namespace Pipeline.Simulators.Health;

/// <summary>
/// SIMULATED e-health statistics of the national health platform (connectors/Health/CONTRACT.md): a facility
/// registry (MA_CSKCB, kind, the 2025 commune it sits in) and, per facility and month from 2025-07, e-health books
/// over the people a station serves, the station's 3532 HIS flag and the hospital's or clinic's EMR flag. Aggregates
/// only: nothing about a person is served, unless the citizen-id fault is switched on to test the guard.
/// </summary>
public sealed class HealthSimulator : SimulatedSource
{
    public const string Token = "simulated-health-token";
    private const int MaxSize = 1000;
    private static readonly Period FirstPeriod = Period.Month(2025, 7);

    private static readonly string[] StatisticsColumns =
        ["MA_CSKCB", "so_nguoi_co_so_suc_khoe_dien_tu", "dan_so_quan_ly", "his_3532", "benh_an_dien_tu", "cap_nhat_luc"];

    public HealthSimulator(SimulationData data, SimulationClock clock)
        : base(data, clock) => Facilities = HealthRegistry.Build(data);

    public override string Name => "health";

    public static Publication Publication { get; } = Publication.Monthly;

    /// <summary>The registry, ordered by MA_CSKCB.</summary>
    public IReadOnlyList<HealthFacility> Facilities { get; }

    /// <summary>Every facility of the registry, for a month from 2025-07 published at the clock's date; else 0.</summary>
    public override int ExpectedUnitKeys(Period period) => IsPublished(period) ? Facilities.Count : 0;

    protected override void RegisterEndpoints()
    {
        Endpoint("facilities", Request.Create().WithPath("/api/v1/facilities").UsingGet(), FacilitiesPage);
        Endpoint("statistics", Request.Create().WithPath("/api/v1/statistics").UsingGet(), Statistics);
    }

    private bool IsPublished(Period period) =>
        Publication.Publishes(period, FirstPeriod, Clock.AsOf);

    private SimBody FacilitiesPage(SimRequest request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        var (page, size) = (request.GetInt("page", 1), request.GetInt("size", 500));
        var items = new JsonArray();
        foreach (var f in Facilities.Skip((page - 1) * size).Take(size))
        {
            items.Add(new JsonObject
            {
                ["MA_CSKCB"] = f.Code,
                ["TEN_CSKCB"] = f.Name,
                ["LOAI"] = f.Kind,
                ["MA_XA"] = f.Commune.Unit.Code,
                ["TEN_XA"] = f.Commune.Unit.Name,
            });
        }

        // A unit list, not statistics: served as it is, so the row faults stay on the statistics endpoint.
        return new JsonDocumentBody(Envelope(null, null, page, size, Facilities.Count, items));
    }

    private SimBody Statistics(SimRequest request)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        Period period;
        try
        {
            period = Period.Parse(request.Get("ky") ?? "");
        }
        catch (FormatException e)
        {
            return new ErrorBody(400, $"ky: {e.Message}");
        }

        if (period.Kind != PeriodKind.Month)
        {
            return new ErrorBody(400, $"ky must be a month (2025-10), not '{period}'");
        }

        DateTimeOffset? after = null;
        if (request.Get("updated_after") is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return new ErrorBody(400, $"updated_after must be an ISO 8601 date-time, not '{text}'");
            }

            after = parsed;
        }

        var (page, size) = (request.GetInt("page", 1), request.GetInt("size", 500));
        var rows = Visible(period, after);
        var table = new SimTable(StatisticsColumns, [.. rows.Skip((page - 1) * size).Take(size)], "MA_CSKCB", i => $"99{i + 1:D3}");
        return new JsonRows(table, items => Envelope(period, Clock.AsOf, page, size, rows.Count, items));
    }

    private SimBody? Refusal(SimRequest request)
    {
        if (request.Headers.GetValueOrDefault("Authorization") != $"Bearer {Token}")
        {
            return new ErrorBody(401, "missing or wrong bearer token");
        }

        return request.GetInt("page", 1) < 1 || request.GetInt("size", 500) is < 1 or > MaxSize
            ? new ErrorBody(400, $"page must be 1 or more and size between 1 and {MaxSize}")
            : null;
    }

    // Rows ordered by MA_CSKCB; with updated_after, only those published or revised after it.
    private List<object?[]> Visible(Period period, DateTimeOffset? after)
    {
        var rows = new List<object?[]>();
        if (!IsPublished(period))
        {
            return rows;
        }

        foreach (var facility in Facilities)
        {
            if (Publication.Visible(Name, facility.Code, period, Clock.AsOf) is not { } visible || (after is { } a && visible.UpdatedAt <= a))
            {
                continue;
            }

            rows.Add(Row(facility, period, visible.Version, visible.UpdatedAt));
        }

        return rows;
    }

    private static object?[] Row(HealthFacility facility, Period period, int version, DateTimeOffset updatedAt)
    {
        var stamp = updatedAt.ToString("O", CultureInfo.InvariantCulture);
        if (facility.Kind != HealthFacility.Station)
        {
            return [facility.Code, null, null, null, HealthFigures.Emr(facility, period, version), stamp];
        }

        var (books, served) = HealthFigures.Station(facility, period, version);
        return [facility.Code, books, served, HealthFigures.His3532(facility, period), null, stamp];
    }

    private static JsonObject Envelope(Period? period, DateTimeOffset? asOf, int page, int size, int total, JsonArray items)
    {
        var envelope = new JsonObject();
        if (period is not null)
        {
            envelope["ky"] = period.ToString();
            envelope["as_of"] = asOf?.ToString("O", CultureInfo.InvariantCulture);
        }

        envelope["page"] = page;
        envelope["size"] = size;
        envelope["total"] = total;
        envelope["total_pages"] = (total + size - 1) / size;
        envelope["items"] = items;
        return envelope;
    }
}
