using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// Pass/fail sets where each cell depends on the unit's type column (Xã versus Phường/Thị trấn); a set that
/// requires another is only passed after it ("nâng cao" only for a commune already recognised).
/// </summary>
public sealed class SetEvaluator(SetFramework framework)
{
    public SetFramework Framework => framework;

    /// <summary>Units outside the framework's province, era or unit types cannot be evaluated under it.</summary>
    public string? UnitProblem(AdminUnit unit, Criterion criterion)
    {
        if (framework.Info.ProvinceCode is { } province && unit.ProvinceCode != province)
        {
            return $"{unit.Code} ({unit.Name}) is outside province {province}, which framework {framework.Info.Id} covers";
        }

        return unit.Level == UnitLevel.Commune && framework.UnitTypeColumns.ContainsKey(unit.Type)
            ? null
            : $"{unit.Code} is a {unit.Level.ToText()} of type {unit.Type}; framework {framework.Info.Id} evaluates {string.Join(", ", framework.UnitTypeColumns.Keys)}";
    }

    public SetResult Evaluate(AdminUnit unit, IReadOnlyList<Observation?> values)
    {
        var column = framework.UnitTypeColumns[unit.Type];
        var passed = new List<string>();
        foreach (var set in OrderedSets())
        {
            if (set.Requires is { } required && !passed.Contains(required))
            {
                break;
            }

            var applicable = framework.Criteria.Where(c => c.Set == set.Id && c.Cells[column] is not null).ToList();
            var blocking = applicable.Where(c => values[c.Index] is { } v && !c.Cells[column]!.IsMet(c.Measure, v)).ToList();
            var missing = applicable.Where(c => values[c.Index] is null).ToList();
            if (blocking.Count > 0 || missing.Count > 0)
            {
                return new SetResult(unit.Code, unit.Type, passed, set.Id, Sorted(blocking), Sorted(missing));
            }

            passed.Add(set.Id);
        }

        return new SetResult(unit.Code, unit.Type, passed, null, [], []);
    }

    /// <summary>Sets in dependency order: a set comes after the one it requires.</summary>
    private IEnumerable<CriteriaSet> OrderedSets()
    {
        var done = new HashSet<string>();
        var pending = framework.Sets.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.First(s => s.Requires is null || done.Contains(s.Requires));
            pending.Remove(ready);
            done.Add(ready.Id);
            yield return ready;
        }
    }

    private static List<SetCriterion> Sorted(List<SetCriterion> criteria) => criteria.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
}
