using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Telecom;

/// <summary>One operator's SIMULATED figures for one 2024 commune and quarter (the value columns of a feed line).</summary>
internal sealed record TelecomFigures(
    long Smartphone15Plus,
    long HouseholdsFibre,
    long Households,
    long CulturalHousesFibre,
    long CulturalHouses,
    long DigitalSignatures,
    long Tslcd200)
{
    /// <summary>
    /// Draws the figures around the commune's readiness, calibrated to SOURCES.md section 3: adults with a smartphone
    /// 56-78% by province (73.5% nationally), households covered by fibre 85.1% nationally in 6/2025 (82.2% a year
    /// before, Sơn La around 40-55%), digital signatures 35% of adults in Q2/2025, TSLCD at 200 Mbps in 88% of communes
    /// by the end of June 2025. Each operator reports its own subscribers and its own network, so figures overlap
    /// between operators and their sum can exceed the population. Households are counted by the operator (drifting
    /// from the registry by -7..+10%).
    /// </summary>
    /// <param name="version">0 for the quarter's file, 1 for the restated line of a correction file.</param>
    public static TelecomFigures Of(OperatorProfile p, OperatorFeed feed, Period period, int version)
    {
        var commune = p.Commune;
        var r = commune.Readiness;
        var q = (((period.Year - 2025) * 4) + period.Number) - 2;

        var users = Math.Clamp(0.50 + (0.34 * r) + (0.006 * q) + p.Users, 0.40, 0.93);
        var smartphone = commune.Aged15Plus * users * p.Share;

        var mountains = commune.Region == Region.Mountains ? 0.15 : 0.0;
        var fibre = Math.Clamp(0.46 + (0.68 * r) - mountains + (0.013 * q) + p.Fibre, 0.30, 0.99);
        var reach = fibre * p.Reach;
        var households = Math.Round(commune.Households * p.HouseholdDrift * (1 + (0.003 * q)));
        var housesFibre = Math.Round(p.CulturalHouses * Math.Clamp(reach + p.HouseFibreNoise, 0, 1));

        var adults18 = commune.Aged15Plus * 0.94;
        var signed = Math.Clamp(0.15 + (0.36 * r) + (0.03 * q) + p.Signed, 0.01, 0.85);
        var signatures = adults18 * signed * p.SignatureShare;

        // A correction restates subscribers and signatures (late activations counted), never the network.
        if (version == 1)
        {
            var (op, code) = (feed.Name, commune.Unit.Code);
            smartphone *= 1 + StableRandom.Between(0.01, 0.03, "telecom-restated-smartphone", op, code, period.ToString());
            signatures *= 1 + StableRandom.Between(0.01, 0.04, "telecom-restated-signature", op, code, period.ToString());
        }

        return new TelecomFigures(
            (long)Math.Round(smartphone),
            (long)Math.Round(households * reach),
            (long)households,
            (long)housesFibre,
            (long)p.CulturalHouses,
            (long)Math.Round(signatures),
            p.Tslcd < TslcdUpgraded(q) ? 1 : 0);
    }

    // Share of communes whose TSLCD link runs at 200 Mbps by quarter (q = 0 is 2025-Q2, when the campaign reached 88%).
    private static double TslcdUpgraded(int q) => q switch
    {
        <= -5 => 0.12,
        -4 => 0.20,
        -3 => 0.30,
        -2 => 0.42,
        -1 => 0.62,
        0 => 0.88,
        1 => 0.93,
        2 => 0.96,
        _ => 0.98,
    };
}
