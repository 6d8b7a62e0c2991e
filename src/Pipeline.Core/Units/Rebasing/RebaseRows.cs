namespace Pipeline.Core.Units.Rebasing;

/// <summary>A count on a 2024 commune: one row of rebase input.</summary>
public sealed record OldCount(string UnitCode, string Measure, decimal Numerator, decimal? Denominator);

/// <summary>
/// A count on a 2025 commune, summed over the predecessors allocated to it. <see cref="Complete"/> is true only when
/// every predecessor of the commune was in the input and allocated whole to it. Numerator and denominator are null
/// on a commune touched only by predecessors that could not be allocated.
/// </summary>
/// <param name="Denominator">Null when any allocated row had none: a partial sum would be a wrong denominator.</param>
public sealed record NewCount(string UnitCode, string Measure, decimal? Numerator, decimal? Denominator, bool Complete);

/// <summary>A row that could not be allocated to one new commune, with why and the communes it touches.</summary>
public sealed record UnallocatedCount(OldCount Row, string Reason, IReadOnlyList<string> Touched);
