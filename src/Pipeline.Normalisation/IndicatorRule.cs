namespace Pipeline.Normalisation;

/// <summary>
/// What the warehouse knows about one source indicator (a row of <c>fact.indicator</c>): how it folds over an
/// assessment year and how values of several source units combine on one warehouse unit.
/// </summary>
public sealed record IndicatorRule(string Indicator, Folding Folding, Combining Combining)
{
    public static IndicatorRule Parse(string indicator, string folding, string combining) => new(
        indicator,
        folding switch
        {
            "stock" => Folding.Stock,
            "flow" => Folding.Flow,
            _ => throw new FormatException($"indicator {indicator}: folding must be stock or flow, not '{folding}'"),
        },
        combining switch
        {
            "sum" => Combining.Sum,
            "share" => Combining.Share,
            "single" => Combining.Single,
            _ => throw new FormatException($"indicator {indicator}: combining must be sum, share or single, not '{combining}'"),
        });
}

/// <summary>How an indicator folds over an assessment year (SPEC section 5).</summary>
public enum Folding
{
    /// <summary>The latest value at or before the as-of date.</summary>
    Stock,

    /// <summary>Sum of numerators over sum of denominators within the year.</summary>
    Flow,
}

/// <summary>How values of several source units (old communes, facilities) combine on one warehouse unit.</summary>
public enum Combining
{
    /// <summary>Numerators and denominators added.</summary>
    Sum,

    /// <summary>0/1 flags counted: how many units had it (numerator) of how many reported (denominator).</summary>
    Share,

    /// <summary>A rate or score: carried one to one only; several onto one unit is refused.</summary>
    Single,
}
