namespace Pipeline.Core.Evaluation;

/// <summary>How a point-scored criterion turns its value into points (see Frameworks/README.md).</summary>
public abstract record Scoring
{
    /// <summary>Whether a value is read as yes/no rather than as a number.</summary>
    public virtual bool TakesYesNo => false;

    /// <summary>Whether the value is a percentage (0..100, or a count with a denominator).</summary>
    public virtual bool TakesPercent => false;

    /// <summary>Whether the value must be a whole number.</summary>
    public virtual bool TakesWholeNumber => false;

    /// <summary>Points for <paramref name="observation"/>, never above <paramref name="maxPoints"/>.</summary>
    public abstract decimal Points(Observation observation, decimal maxPoints);
}

/// <summary>Full points when true ("Đã có (10đ) - Không có (0đ)").</summary>
public sealed record YesNoScoring : Scoring
{
    public override bool TakesYesNo => true;

    public override decimal Points(Observation observation, decimal maxPoints) => observation.IsYes ? maxPoints : 0;
}

/// <summary>Rate x points ("Tỷ lệ ... *10đ").</summary>
public sealed record RateScoring : Scoring
{
    public override bool TakesPercent => true;

    public override decimal Points(Observation observation, decimal maxPoints) => Math.Min(observation.Rate, 100m) / 100m * maxPoints;
}

/// <summary>Ratio to a target, capped at full points ("Tỷ lệ ≥50%: 10đ; &lt;50% = tỷ lệ/50%*10đ").</summary>
public sealed record RatioToTargetScoring(decimal TargetPercent) : Scoring
{
    public override bool TakesPercent => true;

    public override decimal Points(Observation observation, decimal maxPoints) =>
        Math.Min(observation.Rate / TargetPercent, 1m) * maxPoints;
}

/// <summary>The points of the first tier whose minimum the value reaches, highest tier first.</summary>
public sealed record TierScoring(IReadOnlyList<Tier> Tiers) : Scoring
{
    public override decimal Points(Observation observation, decimal maxPoints) =>
        Tiers.FirstOrDefault(t => observation.Rate >= t.Min)?.Points ?? 0;
}

public sealed record Tier(decimal Min, decimal Points);

/// <summary>Points per item, capped ("Mỗi hoạt động 1đ, không quá 20 điểm").</summary>
public sealed record PerItemScoring(decimal PointsEach) : Scoring
{
    public override bool TakesWholeNumber => true;

    public override decimal Points(Observation observation, decimal maxPoints) => Math.Min(observation.Value * PointsEach, maxPoints);
}

/// <summary>The sum of child criteria ("Cộng điểm từ 5.11.1 đến 5.11.6"); never input.</summary>
public sealed record SumScoring(IReadOnlyList<string> Of) : Scoring
{
    public override decimal Points(Observation observation, decimal maxPoints) =>
        throw new InvalidOperationException("a sum criterion is scored from its children");
}
