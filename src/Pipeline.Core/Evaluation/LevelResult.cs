namespace Pipeline.Core.Evaluation;

/// <summary>
/// A unit's level under a levels framework (SPEC section 7): <see cref="Level"/> counts missing values as unmet,
/// <see cref="AttainableLevel"/> as met. <see cref="Blocking"/> and <see cref="Missing"/> are the criteria applicable at
/// Level + 1 whose value is present and unmet, or absent; both empty at level 5. <see cref="Undetermined"/> are those
/// whose value is known only within bounds that straddle the level + 1 threshold (SPEC section 5).
/// </summary>
public sealed record LevelResult(
    string UnitCode,
    CriterionScope Scope,
    int Level,
    int AttainableLevel,
    IReadOnlyList<LevelCriterion> Blocking,
    IReadOnlyList<LevelCriterion> Missing)
{
    public IReadOnlyList<LevelCriterion> Undetermined { get; init; } = [];
}
