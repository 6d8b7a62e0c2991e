using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Portal;

/// <summary>
/// SIMULATED values of the two portal reports, drawn around each commune's readiness and population (SOURCES.md
/// section 1): about 55% of procedures offered fully online; the provincial system's dossiers (<see
/// cref="CommuneDossiers"/>, which EMC receives too); 766 totals with a median near 92 and a thin low tail.
/// </summary>
internal static class PortalFigures
{
    /// <summary>TONG_TTHC, TTHC_DU_DK_TOANTRINH, TTHC_TOANTRINH, HS_TIEPNHAN, HS_TRUCTUYEN, HS_TOANTRINH.</summary>
    public static long[] Procedures(PortalAgency agency, Period period, int version)
    {
        var c = agency.Commune;
        var (id, month, province) = (agency.Id, period.ToString(), c.Province.Code);
        var r = c.Readiness;
        var months = MonthsSinceReform(period);

        // A province publishes one list of commune procedures; a few do not apply to every commune.
        var total = (long)Math.Round(StableRandom.Between(260, 360, "portal-tthc-total", province)) - (long)StableRandom.Between(0, 6, "portal-tthc-na", id);
        var eligible = (long)Math.Round(total * StableRandom.Between(0.70, 0.80, "portal-tthc-eligible", province));
        var offeredShare = Math.Clamp(0.60 + (0.25 * r) + StableRandom.Between(-0.08, 0.08, "portal-tthc-offered", id) + (0.01 * months), 0.3, 1.0);
        var offered = (long)Math.Round(eligible * offeredShare);

        // The dossiers are the provincial system's (EMC receives the same counts by synchronisation).
        var (received, online, fully) = CommuneDossiers.For(c, period);
        if (version == 1)
        {
            // A revision counts dossiers filed late in the month's books: about 2% more, in the same proportions.
            var late = Math.Max(1, (long)Math.Round(received * 0.02));
            var (fullyShare, onlineShare) = ((double)fully / received, (double)online / received);
            received += late;
            fully += (long)Math.Round(late * fullyShare);
            online = Math.Max(fully, online + (long)Math.Round(late * onlineShare));
        }

        return [total, eligible, offered, received, online, fully];
    }

    /// <summary>TDGQ, MDHL, MDSH, TTTT, CLGQ, CKMB, TONG_SCORE, in the real service's column order.</summary>
    public static decimal[] Index766(PortalAgency agency, Period period, int version)
    {
        var r = agency.Commune.Readiness;
        var (id, month) = (agency.Id, period.ToString());
        double Noise(string part, double spread) => StableRandom.Between(-spread, spread, "portal-766", part, id, month);

        // Most communes publish everything (CKMB 18); a few lag badly (An Giang's lowest: 4.37).
        var ckmb = StableRandom.Chance(0.03, "portal-766-ckmb-low", id, month) ? StableRandom.Between(4.37, 14, "portal-766-ckmb", id, month)
            : StableRandom.Chance(0.7, "portal-766-ckmb-full", id, month) ? 18
            : StableRandom.Between(15.5, 18, "portal-766-ckmb", id, month);
        var tdgq = 20 * Math.Clamp(0.955 + (0.05 * r) + Noise("tdgq", 0.03), 0.5, 1);
        var mdhl = 18 * Math.Clamp(0.965 + (0.05 * r) + Noise("mdhl", 0.03), 0.5, 1);
        var mdsh = 22 * Math.Clamp(0.84 + (0.14 * r) + Noise("mdsh", 0.06), 0.3, 1);
        var tttt = 10 * Math.Clamp(0.70 + (0.28 * r) + Noise("tttt", 0.08), 0.1, 1);
        var clgq = 10 * Math.Clamp(0.67 + (0.28 * r) + Noise("clgq", 0.08), 0.1, 1);
        if (version == 1)
        {
            // A revision re-counts digitised dossiers and late-resolved ones.
            mdsh = Math.Min(22, mdsh + 0.4);
            tdgq = Math.Max(0, tdgq - 0.15);
        }

        decimal[] scores = [Round(tdgq), Round(mdhl), Round(mdsh), Round(tttt), Round(clgq), Round(ckmb)];
        return [.. scores, scores.Sum()];
    }

    private static int MonthsSinceReform(Period period) => Math.Max(0, ((period.Year - 2025) * 12) + period.Number - 7);

    private static decimal Round(double score) => (decimal)Math.Round(score, 2);
}
