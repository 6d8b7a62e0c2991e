using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Health;

/// <summary>
/// The SIMULATED monthly figures of one facility, calibrated to SOURCES.md section 6: e-health books for about a
/// third of the population by 1/2026 (>34M), spread by province and readiness and growing half a point a month; the 3532 HIS at
/// most stations (no public count: assumed ~85%); EMR announced by about 73% of hospitals by 1/2026 (1,210 of
/// 1,650), rising from about half when Circular 13/2025 took effect in 7/2025, clinics behind hospitals. A
/// facility's flags only ever switch on: each has a fixed draw that a rising share overtakes.
/// </summary>
internal static class HealthFigures
{
    /// <summary>People with an e-health book at the station and the people it serves.</summary>
    public static (long Books, long Served) Station(HealthFacility station, Period period, int version)
    {
        var served = station.Commune.Population;
        var share = Math.Clamp(
            0.07 + (0.42 * station.Commune.Readiness) + ProvinceOffset(station.Commune.Unit.ProvinceCode) + (0.005 * MonthsSinceReform(period))
                + StableRandom.Between(-0.06, 0.06, "health-books", station.Code),
            0.02,
            0.95);
        var books = (long)Math.Round(served * share);

        // A revision counts books registered late: one more percent of the people served.
        return (version == 1 ? Math.Min(served, books + (long)Math.Round(served * 0.01)) : books, served);
    }

    /// <summary>Whether the station runs the 3532 HIS: 0 or 1.</summary>
    public static int His3532(HealthFacility station, Period period) =>
        StableRandom.Uniform("health-his3532", station.Code)
            < Math.Clamp(0.80 + (0.30 * (station.Commune.Readiness - 0.5)) + (0.01 * MonthsSinceReform(period)), 0.3, 0.99)
            ? 1
            : 0;

    /// <summary>Whether the hospital or clinic has announced its EMR: 0 or 1. A revision adds late announcements.</summary>
    public static int Emr(HealthFacility facility, Period period, int version)
    {
        var share = 0.47 + (0.04 * MonthsSinceReform(period)) + (0.30 * (facility.Commune.Readiness - 0.6))
            - (facility.Kind == HealthFacility.Clinic ? 0.25 : 0.0);
        var late = version == 1 ? 0.05 : 0.0;
        return StableRandom.Uniform("health-emr", facility.Code) < Math.Clamp(share + late, 0.05, 0.97) ? 1 : 0;
    }

    /// <summary>
    /// ASSUMED, not published: SOURCES.md gives e-health books only nationally (about a third of the population, all 34
    /// provinces). Provinces roll out at their own pace, so each is offset from the national level by a fixed draw in
    /// -11..+11 points: a spread as wide as the one published for adults with a smartphone (56.1-78.4% by province,
    /// SOURCES.md T4), the nearest published provincial spread of a citizen-side digital indicator. Its mean is 0, so
    /// the national figure stays where SOURCES.md puts it.
    /// </summary>
    internal static double ProvinceOffset(string provinceCode) => StableRandom.Between(-0.11, 0.11, "health-books-province", provinceCode);

    private static int MonthsSinceReform(Period period) => ((period.Year - 2025) * 12) + period.Number - 7;
}
