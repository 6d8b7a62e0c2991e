using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Telecom;

/// <summary>
/// One SIMULATED telecom operator's feed (connectors/Telecom/CONTRACT.md). The operators are anonymous on purpose
/// ("operator-a" ...): the data is synthetic and must not be read as any real company's figures.
/// </summary>
/// <param name="KeysByName">True when the operator writes units by name (ten_tinh, ten_huyen, ten_xa) instead of 2024 codes.</param>
/// <param name="Lag">How long after a quarter ends its file lands in the drop.</param>
/// <param name="MarketShare">The operator's share of smartphone subscribers and of digital signatures issued (about 50/30/20).</param>
/// <param name="ReachLow">The lowest share of a commune's fibre-covered households that are covered by this operator's own network.</param>
internal sealed record OperatorFeed(string Name, bool KeysByName, TimeSpan Lag, double MarketShare, double ReachLow, double ReachHigh)
{
    public static readonly OperatorFeed A = new("operator-a", false, TimeSpan.FromDays(20), 0.50, 0.92, 1.00);

    public static readonly OperatorFeed B = new("operator-b", true, TimeSpan.FromDays(25), 0.30, 0.65, 0.92);

    public static readonly OperatorFeed C = new("operator-c", false, TimeSpan.FromDays(30), 0.20, 0.45, 0.85);

    public static readonly IReadOnlyList<OperatorFeed> All = [A, B, C];

    /// <summary>Corrections to a quarter's file land this long after the file itself.</summary>
    public static readonly TimeSpan CorrectionLag = TimeSpan.FromDays(60);

    /// <summary>The share of communes whose figures an operator restates in a correction file.</summary>
    public const double RevisedShare = 0.03;

    /// <summary>
    /// Operators a and b cover the whole country; operator-c, the smallest, about 60% of communes, more of the
    /// better-connected ones.
    /// </summary>
    public bool Covers(Commune commune) =>
        this != C || StableRandom.Chance(Math.Clamp(0.33 + (0.5 * commune.Readiness), 0.2, 0.9), "telecom-coverage", Name, commune.Unit.Code);

    /// <summary>Whether the operator restates this commune's figures for the quarter in a correction file.</summary>
    public bool Revises(Commune commune, string period) =>
        StableRandom.Chance(RevisedShare, "telecom-revised", Name, commune.Unit.Code, period);
}
