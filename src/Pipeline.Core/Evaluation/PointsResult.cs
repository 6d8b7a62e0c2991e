namespace Pipeline.Core.Evaluation;

/// <summary>
/// A unit's score under a points framework: total out of the maximum, subtotal per group, rank among the units
/// evaluated together (1 = best, ties share a rank), and the criteria without data, which scored 0 but are reported
/// as missing rather than as a true 0.
/// </summary>
public sealed record PointsResult(
    string UnitCode,
    decimal Total,
    IReadOnlyDictionary<string, decimal> GroupPoints,
    IReadOnlyList<PointCriterion> Missing)
{
    public int Rank { get; init; }

    /// <summary>The total normalised across the units evaluated (min-max to 0..100, or a z-score), when asked for.</summary>
    public decimal? Normalised { get; init; }
}

public enum ScoreNormalisation
{
    None,

    /// <summary>100 x (total - min) / (max - min) across the units evaluated; 0 for all when every total is equal.</summary>
    MinMax,

    /// <summary>(total - mean) / standard deviation (population) across the units evaluated; 0 when all are equal.</summary>
    ZScore,
}
