using Pipeline.Core.Units;

namespace Pipeline.Simulators.Synthetic;

/// <summary>
/// A commune as the simulators see it: its unit, a population and household count taken from the shared data
/// (estimated where the data has none), and a digital-readiness score in [0, 1] that every indicator is drawn
/// around, so that rates differ by commune type and region the way the published figures do (SOURCES.md).
/// </summary>
/// <param name="Readiness">Wards above communes, mountain provinces below the deltas, plus a seeded per-commune spread.</param>
/// <param name="PopulationEstimated">True when the shared data had no population for the unit and it was estimated.</param>
public sealed record Commune(
    AdminUnit Unit,
    AdminUnit Province,
    AdminUnit? District,
    long Population,
    long Households,
    bool PopulationEstimated,
    Region Region,
    double Readiness)
{
    /// <summary>People aged 15 and over: 76.7% nationally in 2024 (SOURCES.md V8), a little lower in the mountains.</summary>
    public long Aged15Plus => (long)Math.Round(Population * (Region == Region.Mountains ? 0.72 : 0.767));

    /// <summary>People aged 14 and over, eligible for a level-2 e-identity account (SOURCES.md V7).</summary>
    public long Aged14Plus => (long)Math.Round(Population * (Region == Region.Mountains ? 0.735 : 0.782));

    /// <summary>"Xã Nghĩa Phương, Huyện Tư Nghĩa, Tỉnh Quảng Ngãi" (2024) or "Xã Đông Thái, Tỉnh An Giang" (2025).</summary>
    public string FullName => District is null ? $"{Unit.Name}, {Province.Name}" : $"{Unit.Name}, {District.Name}, {Province.Name}";
}

/// <summary>Broad regions; readiness and rates differ by them (SOURCES.md: Sơn La, Tuyên Quang below the deltas).</summary>
public enum Region
{
    Mountains,
    Highlands,
    Coast,
    Deltas,
}
