namespace Pipeline.Core.Evaluation;

/// <summary>
/// One input value of one criterion for one unit: a number (a percentage, a count, or 1/0 for yes/no) and, where the
/// source gave counts, the denominator. Decimal, so 7 of 10 is exactly 70% and meets a 70% threshold.
/// </summary>
/// <param name="Bounds">
/// Where the value is only known to lie in an interval (operators' overlapping counts combined, SPEC section 5): its
/// low and high ends, in the same unit as <paramref name="Value"/> and over the same denominator; the value is then
/// the point estimate, shown but never compared with a threshold.
/// </param>
public readonly record struct Observation(decimal Value, decimal? Denominator = null, ValueBounds? Bounds = null)
{
    /// <summary>The percentage this observation stands for: 100 x value / denominator, or the value itself.</summary>
    public decimal Rate => Denominator is { } d ? 100m * Value / d : Value;

    public static Observation Yes { get; } = new(1);

    public static Observation No { get; } = new(0);

    public bool IsYes => Value == 1;

    /// <summary>The low end as an observation of its own (itself when there are no bounds).</summary>
    public Observation Low => Bounds is { } b ? new Observation(b.Low, Denominator) : this;

    /// <summary>The high end as an observation of its own (itself when there are no bounds).</summary>
    public Observation High => Bounds is { } b ? new Observation(b.High, Denominator) : this;
}

/// <summary>The interval a value is known to lie in: <see cref="Low"/> &lt;= value &lt;= <see cref="High"/>.</summary>
public sealed record ValueBounds(decimal Low, decimal High);
