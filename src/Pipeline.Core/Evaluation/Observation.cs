namespace Pipeline.Core.Evaluation;

/// <summary>
/// One input value of one criterion for one unit: a number (a percentage, a count, or 1/0 for yes/no) and, where the
/// source gave counts, the denominator. Decimal, so 7 of 10 is exactly 70% and meets a 70% threshold.
/// </summary>
public readonly record struct Observation(decimal Value, decimal? Denominator = null)
{
    /// <summary>The percentage this observation stands for: 100 x value / denominator, or the value itself.</summary>
    public decimal Rate => Denominator is { } d ? 100m * Value / d : Value;

    public static Observation Yes { get; } = new(1);

    public static Observation No { get; } = new(0);

    public bool IsYes => Value == 1;
}
