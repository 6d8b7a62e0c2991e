using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// Evaluates every unit of an input under a levels framework: communes first, then (2024 map only) districts, whose
/// H.CHUNG.01 rolls up the levels of all their communes in the unit list.
/// </summary>
public static class LevelRun
{
    /// <summary>Which units may carry which criteria: X.* on communes, H.* on districts, and districts only before the 2025 reform.</summary>
    public static string? UnitProblem(AdminUnit unit, Criterion criterion)
    {
        var scope = ((LevelCriterion)criterion).Scope;
        if (scope == CriterionScope.District && unit.Era == Era.Y2025)
        {
            return $"district criterion {criterion.Code} in era 2025: the 2025 map has no districts";
        }

        return (scope, unit.Level) switch
        {
            (CriterionScope.Commune, UnitLevel.Commune) or (CriterionScope.District, UnitLevel.District) => null,
            _ => $"{criterion.Code} is a {scope.ToString().ToLowerInvariant()} criterion but {unit.Code} is a {unit.Level.ToText()}",
        };
    }

    public static IReadOnlyList<(LevelResult Result, Observation?[] Values)> Evaluate(
        LevelEvaluator evaluator, EvaluationInput input, UnitLookup units)
    {
        var count = evaluator.Framework.Criteria.Count;
        var results = new Dictionary<string, (LevelResult Result, Observation?[] Values)>(StringComparer.Ordinal);
        foreach (var unit in input.Units.Where(u => u.Level == UnitLevel.Commune))
        {
            var values = input.ValuesOf(unit.Code, count);
            results[unit.Code] = (evaluator.Evaluate(unit.Code, CriterionScope.Commune, values), values);
        }

        var rollups = evaluator.CriteriaOf(CriterionScope.District).Where(c => c.Measure == Measure.CommuneRollup).ToList();
        foreach (var district in input.Units.Where(u => u.Level == UnitLevel.District))
        {
            var values = (Observation?[])input.ValuesOf(district.Code, count).Clone();
            var communeLevels = CommuneLevels(units, district.Code, results);
            foreach (var rollup in rollups)
            {
                values[rollup.Index] = DistrictRollup.Observe(rollup, communeLevels);
            }

            results[district.Code] = (evaluator.Evaluate(district.Code, CriterionScope.District, values), values);
        }

        return input.Units.Select(u => results[u.Code]).ToList();
    }

    /// <summary>The level of every commune of the district in the unit list; one with no input rows is level 0.</summary>
    private static IReadOnlyList<int> CommuneLevels(
        UnitLookup units,
        string districtCode,
        IReadOnlyDictionary<string, (LevelResult Result, Observation?[] Values)> communeResults) =>
        units.CommunesOf(districtCode)
            .Select(c => communeResults.TryGetValue(c.Code, out var r) ? r.Result.Level : 0)
            .ToList();
}
