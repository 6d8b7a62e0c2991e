namespace Pipeline.Core.Evaluation;

/// <summary>
/// A unit under a sets framework (Đắk Nông 151): which sets it passes, and for the first set it does not pass,
/// the criteria present and unmet (<see cref="Blocking"/>) or without value (<see cref="Missing"/>).
/// </summary>
public sealed record SetResult(
    string UnitCode,
    string UnitType,
    IReadOnlyList<string> PassedSets,
    string? NextSet,
    IReadOnlyList<SetCriterion> Blocking,
    IReadOnlyList<SetCriterion> Missing);
