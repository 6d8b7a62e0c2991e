using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Emc;

/// <summary>
/// SIMULATED monthly dossier counts EMC shows for one commune: the provincial system's counts
/// (<see cref="CommuneDossiers"/>, which the portal shows too) as EMC's synchronised copy has them. Assumed, as no
/// reconciliation is published: most months EMC lacks up to 2% not yet synchronised; in about 5% of commune-months a
/// connection outage loses 15-50% of the month; in about 1% a batch is pushed twice (10-30% counted again). These
/// are the disagreements a data steward sees between the two sources.
/// </summary>
public static class EmcDossiers
{
    public static (long Received, long Online, long FullyOnline) For(Commune commune, Period period, int version)
    {
        var (received, online, fully) = CommuneDossiers.For(commune, period);
        var factor = SyncFactor(commune, period);
        (received, online, fully) = (Scale(received, factor), Scale(online, factor), Scale(fully, factor));
        if (version == 0)
        {
            return (received, online, fully);
        }

        // A revision adds dossiers a provincial system synchronised late: 1-4% more, most of them online.
        var late = Math.Max(1L, (long)Math.Round(received * StableRandom.Between(0.01, 0.04, "emc-late", commune.Unit.Code, period.ToString())));
        return (received + late, online + (long)Math.Ceiling(late * 0.6), fully + (long)Math.Floor(late * 0.3));
    }

    /// <summary>EMC's first published count over the provincial system's: below 1 for dossiers not synchronised, above for a batch pushed twice.</summary>
    public static double SyncFactor(Commune commune, Period period)
    {
        var (code, month) = (commune.Unit.Code, period.ToString());
        var draw = StableRandom.Uniform("emc-sync", code, month);
        return draw < 0.05 ? 1 - StableRandom.Between(0.15, 0.50, "emc-outage", code, month)
            : draw < 0.06 ? 1 + StableRandom.Between(0.10, 0.30, "emc-double", code, month)
            : 1 - StableRandom.Between(0, 0.02, "emc-lag", code, month);
    }

    // Scaling keeps the order fully <= online <= received: each count is scaled the same and rounding is monotonic.
    private static long Scale(long count, double factor) => (long)Math.Round(count * factor);
}
