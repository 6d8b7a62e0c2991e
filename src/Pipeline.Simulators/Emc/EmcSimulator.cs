using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock.RequestBuilders;

namespace Pipeline.Simulators.Emc;

/// <summary>
/// SIMULATED EMC monitoring system (connectors/Emc/CONTRACT.md): EMC's own unit list, one unit per 2025 commune, and
/// per unit and month the dossiers received, received online and handled fully online (<see cref="EmcDossiers"/>).
/// Every published version is kept, so a query pinned to a past <c>modifiedUntil</c> answers the same pages while
/// the clock moves on; revisions follow <see cref="Publication"/>.
/// </summary>
public sealed class EmcSimulator(SimulationData data, SimulationClock clock) : SimulatedSource(data, clock)
{
    public const string ApiKey = "simulated-emc-api-key";
    public const int MaxPageSize = 1000;
    public const int MaxUnitPageSize = 5000;
    private static readonly Period FirstPeriod = Period.Month(2025, 7);
    private readonly Lazy<EmcUnits> _units = new(() => EmcUnits.From(data.Communes2025));

    public override string Name => "emc";

    public static Publication Publication { get; } = Publication.Monthly;

    /// <summary>EMC's unit list and the communes behind it.</summary>
    public EmcUnits Units => _units.Value;

    /// <summary>Every unit, for every month from 2025-07 that is published at the clock's date.</summary>
    public override int ExpectedUnitKeys(Period period) =>
        Publication.Publishes(period, FirstPeriod, Clock.AsOf)
            ? Units.All.Count
            : 0;

    /// <summary>The counts EMC shows for the unit and month at the instant, or null before they are published.</summary>
    public (long Received, long Online, long FullyOnline, DateTimeOffset UpdatedAt)? Figures(EmcUnit unit, Period period, DateTimeOffset asOf)
    {
        if (period.Kind != PeriodKind.Month || period.Start < FirstPeriod.Start || Publication.Visible(Name, unit.Id, period, asOf) is not { } visible)
        {
            return null;
        }

        var (received, online, fully) = EmcDossiers.For(unit.Commune, period, visible.Version);
        return (received, online, fully, visible.UpdatedAt);
    }

    protected override void RegisterEndpoints()
    {
        Endpoint("units", Request.Create().WithPath("/api/v2/units").UsingGet(), UnitList);
        Endpoint("dossier-stats", Request.Create().WithPath("/api/v2/dossier-stats").UsingGet(), DossierStats);
    }

    private SimBody UnitList(SimRequest request)
    {
        if (Refusal(request, MaxUnitPageSize) is { } refusal)
        {
            return refusal;
        }

        var (page, size) = (request.GetInt("page", 1), request.GetInt("size", 100));
        var rows = Units.All.Select(u => new object?[] { u.Id, u.Name, u.ProvinceName }).ToList();
        var table = new SimTable(["unitId", "unitName", "provinceName"], Slice(rows, page, size), "unitId", UnknownId);
        return new JsonRows(table, items => Envelope(items, page, size, rows.Count));
    }

    private SimBody DossierStats(SimRequest request)
    {
        if (Refusal(request, MaxPageSize) is { } refusal)
        {
            return refusal;
        }

        Period period;
        try
        {
            period = Period.Parse(request.Get("month") ?? "");
        }
        catch (FormatException e)
        {
            return new ErrorBody(400, $"month: {e.Message}");
        }

        if (period.Kind != PeriodKind.Month)
        {
            return new ErrorBody(400, $"month must look like 2025-10, not '{request.Get("month")}'");
        }

        if (!TryInstant(request.Get("modifiedSince"), out var since) || !TryInstant(request.Get("modifiedUntil"), out var until))
        {
            return new ErrorBody(400, "modifiedSince and modifiedUntil must be ISO 8601 instants");
        }

        // Answer as of the pinned instant; never past the simulator's "now".
        var asOf = until is { } u && u < Clock.AsOf ? u : Clock.AsOf;
        var rows = new List<object?[]>();
        foreach (var unit in Units.All)
        {
            if (Figures(unit, period, asOf) is { } f && (since is not { } s || f.UpdatedAt > s))
            {
                rows.Add([unit.Id, unit.Name, unit.ProvinceName, period.ToString(), f.Received, f.Online, f.FullyOnline, Iso(f.UpdatedAt)]);
            }
        }

        var (page, size) = (request.GetInt("page", 1), request.GetInt("size", 100));
        var table = new SimTable(
            ["unitId", "unitName", "provinceName", "month", "dossiersReceived", "dossiersReceivedOnline", "dossiersFullyOnline", "updatedAt"],
            Slice(rows, page, size),
            "unitId",
            UnknownId);
        return new JsonRows(table, items =>
        {
            var envelope = Envelope(items, page, size, rows.Count);
            envelope["asOf"] = Iso(asOf);
            return envelope;
        });
    }

    // 401 without the key, 400 for paging outside the contract; null when the request may be answered.
    private static ErrorBody? Refusal(SimRequest request, int maxSize)
    {
        if (request.Headers.GetValueOrDefault("X-API-Key") != ApiKey)
        {
            return new ErrorBody(401, "missing or wrong X-API-Key");
        }

        return request.GetInt("page", 1) < 1 || request.GetInt("size", 100) < 1 || request.GetInt("size", 100) > maxSize
            ? new ErrorBody(400, $"page must be >= 1 and size 1..{maxSize}")
            : null;
    }

    private static List<object?[]> Slice(List<object?[]> rows, int page, int size) => [.. rows.Skip((page - 1) * size).Take(size)];

    private static JsonObject Envelope(JsonArray items, int page, int size, int total) => new()
    {
        ["data"] = items,
        ["page"] = page,
        ["size"] = size,
        ["totalPages"] = (total + size - 1) / size,
        ["totalItems"] = total,
    };

    // Province 99 does not exist in EMC's numbering (34 provinces).
    private static string UnknownId(int i) => $"emc-99-{90001 + i:D5}";

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }
}
