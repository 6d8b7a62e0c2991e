using Pipeline.Core.Periods;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Postal;

/// <summary>
/// SIMULATED figures of one commune for one quarter, calibrated to SOURCES.md section 4: one post office per new
/// commune from 1 September 2025 (O6) plus most of the old communes' cultural post offices and, in wards, points by
/// population (about 13,000 points nationally, O1-O2); points with an internet PC at about 40-90% by readiness (no
/// published count: assumed); 0-15 OCOP products per commune, about 12,000 nationally (O7), 30-90% of them on
/// e-commerce platforms (O8-O10); digital addresses for a share of households growing each quarter (O12).
/// </summary>
internal static class PostalFigures
{
    public const string Source = "postal";

    /// <summary>Service points, with PC, OCOP products, online, digital addresses, households.</summary>
    public static (long Points, long WithPc, long Ocop, long OcopOnline, long Addresses, long Households) Of(PostcodeEntry entry, Period period, int version)
    {
        var commune = entry.Commune;
        var code = commune.Unit.Code;
        var quarters = ((period.Year - 2025) * 4) + period.Number - 3;
        var isWard = commune.Unit.Type == "Phường";

        // The commune post office, the old communes' points that were kept, and in wards one per ~25,000 people.
        var kept = Enumerable.Range(1, entry.Predecessors - 1).Count(i => StableRandom.Chance(0.85, Source, "kept", code, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var points = 1L + kept + (isWard ? (long)Math.Round(commune.Population / 25_000.0 * StableRandom.Between(0.6, 1.4, Source, "ward-points", code)) : 0);

        var pcShare = Math.Clamp(0.40 + (0.50 * commune.Readiness) + (0.015 * quarters) + StableRandom.Between(-0.08, 0.08, Source, "pc", code), 0.40, 0.90);
        var withPc = (long)Math.Round(points * pcShare);

        // OCOP products are rural: a skewed draw over 0..15, lower in wards; a few communes gain one each quarter.
        var skew = isWard ? 5.0 : commune.Unit.Type == "Đặc khu" ? 3.0 : 2.6;
        var ocop = (long)Math.Floor(16 * Math.Pow(StableRandom.Uniform(Source, "ocop", code), skew));
        ocop = Math.Min(15, ocop + (StableRandom.Chance(0.04 * quarters, Source, "ocop-new", code, period.ToString()) ? 1 : 0));
        var onlineShare = Math.Clamp(0.30 + (0.60 * commune.Readiness) + (0.02 * quarters) + StableRandom.Between(-0.10, 0.10, Source, "online", code), 0.3, 0.9);
        var online = (long)Math.Round(ocop * onlineShare);

        var households = commune.Households;
        var addressShare = Math.Clamp(0.45 + (0.40 * commune.Readiness) + (0.04 * quarters) + StableRandom.Between(-0.06, 0.06, Source, "address", code), 0.15, 0.97);
        var addresses = (long)Math.Round(households * addressShare);

        // A correction restates what the operator counted late: a PC installed, a product listed, addresses assigned.
        if (version == 1)
        {
            withPc = Math.Min(points, withPc + 1);
            online = Math.Min(ocop, online + 1);
            addresses = Math.Min(households, addresses + Math.Max(1, (long)Math.Round(households * 0.01)));
        }

        return (points, withPc, ocop, online, addresses, households);
    }
}
