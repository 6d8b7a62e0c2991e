using Pipeline.Core.Periods;

namespace Pipeline.Simulators.Synthetic;

/// <summary>
/// SIMULATED monthly dossiers of one commune's one-stop shop as the provincial procedure system holds them. The portal
/// shows these counts and EMC receives them by synchronisation (SOURCES.md section 2), so both simulators start here
/// and differ only where EMC's copy does. Volume follows population (about 1.1% a month, assumed: no per-commune
/// volumes are published); the fully online share follows readiness around the provinces' 18.54% average of 2024
/// (SOURCES.md E1, E8), so most communes land between 10% and 30%, wards above rural communes.
/// </summary>
public static class CommuneDossiers
{
    public static (long Received, long Online, long FullyOnline) For(Commune commune, Period period)
    {
        var code = commune.Unit.Code;
        var month = period.ToString();
        var monthsSinceReform = ((period.Year - 2025) * 12) + period.Number - 7;

        // Tết months are quieter; 2025-07 was the first month of the new communes, with systems still being set up.
        var season = period.Number switch { 1 => 0.9, 2 => 0.8, 7 when period.Year == 2025 => 0.85, _ => 1.0 };
        var perCapita = 0.011 * StableRandom.Between(0.75, 1.25, "dossier-volume", code) * StableRandom.Between(0.92, 1.08, "dossier-volume", code, month);
        var received = Math.Max(5L, (long)Math.Round(commune.Population * perCapita * season));

        var fullyShare = Math.Clamp(
            0.04 + (0.28 * commune.Readiness) + (0.002 * monthsSinceReform)
                + StableRandom.Between(-0.04, 0.04, "dossier-fully", code) + StableRandom.Between(-0.015, 0.015, "dossier-fully", code, month),
            0.02,
            0.6);
        var onlineShare = Math.Clamp(
            fullyShare + 0.12 + (0.30 * commune.Readiness) + StableRandom.Between(-0.05, 0.05, "dossier-online", code),
            fullyShare,
            0.95);
        var fully = (long)Math.Round(received * fullyShare);
        var online = Math.Max(fully, (long)Math.Round(received * onlineShare));
        return (received, online, fully);
    }
}
