namespace Pipeline.Core.Evaluation;

/// <summary>
/// H.CHUNG.01: a district criterion met from its communes' levels ("100% xã ... từ mức kết nối trở lên, trong đó
/// tối thiểu 50% đạt mức cơ bản"). Every commune of the district in the era's unit list counts; one with no data is
/// level 0.
/// </summary>
public static class DistrictRollup
{
    /// <summary>
    /// The highest level L such that the roll-up cells of levels 1..L all hold, as the observation the evaluator
    /// compares with each cell's level; null for a district with no communes (the island districts), which cannot be
    /// rolled up and so is reported as missing.
    /// </summary>
    public static Observation? Observe(LevelCriterion rollup, IReadOnlyList<int> communeLevels)
    {
        if (communeLevels.Count == 0)
        {
            return null;
        }

        var reached = 0;
        for (var l = 1; l <= LevelFramework.MaxLevel; l++)
        {
            if (rollup.At(l) is { } cell && !Holds(cell, communeLevels))
            {
                break;
            }

            reached = l;
        }

        return new Observation(reached);
    }

    public static bool Holds(Cell cell, IReadOnlyList<int> communeLevels)
    {
        var all = communeLevels.All(level => level >= cell.AllAtLeastLevel);
        var share = cell.SharePercent is not { } percent
            || 100m * communeLevels.Count(level => level >= cell.ShareAtLeastLevel) >= percent * communeLevels.Count;
        return all && share;
    }

    /// <summary>For explanations: "levels of 12 communes: 0×3 1×4 2×5".</summary>
    public static string Describe(IReadOnlyList<int> communeLevels) =>
        $"levels of {communeLevels.Count} communes: "
        + string.Join(' ', communeLevels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
}
