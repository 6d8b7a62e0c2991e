using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;
using WireMock.RequestBuilders;

namespace Pipeline.Simulators.Vneid;

/// <summary>
/// SIMULATED VNeID / population aggregates (connectors/Vneid/CONTRACT.md): per 2025 commune and month, population,
/// people aged 14+ and 15+, households and level-2 e-identity accounts. Level-2 coverage is drawn around 80% of
/// people aged 14+ (SOURCES.md V2-V3), lower where readiness is lower, growing slowly month to month.
/// </summary>
public sealed class VneidSimulator(SimulationData data, SimulationClock clock) : SimulatedSource(data, clock)
{
    public const string Token = "simulated-vneid-token";
    private static readonly Period FirstPeriod = Period.Month(2025, 7);

    public override string Name => "vneid";

    public static Publication Publication { get; } = Publication.Monthly;

    /// <summary>Every 2025 commune, for every month from 2025-07 that is published at the clock's date.</summary>
    public override int ExpectedUnitKeys(Period period) =>
        Publication.Publishes(period, FirstPeriod, Clock.AsOf)
            ? Data.Communes2025.Count
            : 0;

    protected override void RegisterEndpoints() =>
        Endpoint("aggregates", Request.Create().WithPath("/api/v1/aggregates").UsingGet(), Aggregates);

    private SimBody Aggregates(SimRequest request)
    {
        if (request.Headers.GetValueOrDefault("Authorization") != $"Bearer {Token}")
        {
            return new ErrorBody(401, "missing or wrong bearer token");
        }

        Period period;
        try
        {
            period = Period.Parse(request.Get("period") ?? "");
        }
        catch (FormatException e)
        {
            return new ErrorBody(400, e.Message);
        }

        DateTimeOffset? since = request.Get("updated_since") is { Length: > 0 } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : null;
        var limit = Math.Clamp(request.GetInt("limit", 500), 1, 1000);

        // The cursor pins the as-of date of the first page, so the pages of one pass stay consistent.
        var (asOf, offset) = request.Get("cursor") is { Length: > 0 } c ? Decode(c) : (Clock.AsOf, 0);
        var rows = Visible(period, since, asOf);
        var page = rows.Skip(offset).Take(limit).ToList();
        var next = offset + limit < rows.Count ? Encode(asOf, offset + limit) : null;

        var table = new SimTable(
            ["ma_xa", "ten_xa", "ma_tinh", "dan_so", "dan_so_tu_14", "dan_so_tu_15", "so_ho", "tk_dinh_danh_muc_2", "cap_nhat_luc"],
            page,
            "ma_xa",
            i => $"9999{i + 1}");
        return new JsonRows(table, items => new JsonObject
        {
            ["period"] = period.ToString(),
            ["as_of"] = asOf.ToString("O", CultureInfo.InvariantCulture),
            ["items"] = items,
            ["next_cursor"] = next,
        });
    }

    private List<object?[]> Visible(Period period, DateTimeOffset? since, DateTimeOffset asOf)
    {
        var rows = new List<object?[]>();
        if (period.Kind != PeriodKind.Month || period.Start < FirstPeriod.Start)
        {
            return rows;
        }

        foreach (var commune in Data.Communes2025)
        {
            if (Publication.Visible(Name, commune.Unit.Code, period, asOf) is not { } visible || (since is { } w && visible.UpdatedAt <= w))
            {
                continue;
            }

            rows.Add(Row(commune, period, visible.Version, visible.UpdatedAt));
        }

        return rows;
    }

    private object?[] Row(Commune commune, Period period, int version, DateTimeOffset updatedAt)
    {
        var code = commune.Unit.Code;
        var monthsSinceReform = ((period.Year - 2025) * 12) + period.Number - 7;

        // Level-2 accounts: about 80% of the eligible nationally, readiness-driven spread, +0.4 points a month.
        var share = Math.Clamp(0.62 + (0.28 * commune.Readiness) + (0.004 * monthsSinceReform) + StableRandom.Between(-0.04, 0.04, Name, code), 0.3, 0.97);
        var accounts = (long)Math.Round(commune.Aged14Plus * share);

        // A revision restates the account count (late registrations counted), never the population.
        if (version == 1)
        {
            accounts = Math.Min(commune.Aged14Plus, accounts + (long)Math.Round(commune.Aged14Plus * 0.01));
        }

        return
        [
            code, commune.Unit.Name, commune.Unit.ProvinceCode, commune.Population, commune.Aged14Plus, commune.Aged15Plus,
            commune.Households, accounts, updatedAt.ToString("O", CultureInfo.InvariantCulture),
        ];
    }

    private static string Encode(DateTimeOffset asOf, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{asOf.ToUnixTimeSeconds()}:{offset}"));

    private static (DateTimeOffset AsOf, int Offset) Decode(string cursor)
    {
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
        return (DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture)), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
