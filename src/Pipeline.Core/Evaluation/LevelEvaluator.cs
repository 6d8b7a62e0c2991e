namespace Pipeline.Core.Evaluation;

/// <summary>
/// Computes levels under a <see cref="LevelFramework"/>. Pure and allocation-light: values arrive as an array
/// indexed by criterion, so 10,035 communes x 38 criteria take milliseconds.
/// </summary>
public sealed class LevelEvaluator
{
    private readonly LevelFramework _framework;
    private readonly Dictionary<CriterionScope, LevelCriterion[]> _byScope;

    public LevelEvaluator(LevelFramework framework)
    {
        _framework = framework;
        _byScope = framework.Criteria.GroupBy(c => c.Scope).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public LevelFramework Framework => _framework;

    public IReadOnlyList<LevelCriterion> CriteriaOf(CriterionScope scope) => _byScope.GetValueOrDefault(scope, []);

    public LevelResult Evaluate(string unitCode, CriterionScope scope, IReadOnlyList<Observation?> values)
    {
        var criteria = _byScope.GetValueOrDefault(scope, []);
        var level = 0;
        var attainable = 0;
        for (var l = 1; l <= LevelFramework.MaxLevel; l++)
        {
            var allMet = true;
            var noneFailed = true;
            foreach (var criterion in criteria)
            {
                if (criterion.At(l) is not { } cell)
                {
                    continue;
                }

                if (values[criterion.Index] is not { } value)
                {
                    allMet = false;
                }
                else if (!cell.IsMet(criterion.Measure, value))
                {
                    allMet = false;
                    noneFailed = false;
                }
            }

            // Levels are cumulative: a level counts only when every level below it was reached too.
            if (allMet && level == l - 1)
            {
                level = l;
            }

            if (noneFailed && attainable == l - 1)
            {
                attainable = l;
            }
        }

        if (level == LevelFramework.MaxLevel)
        {
            return new LevelResult(unitCode, scope, level, attainable, [], []);
        }

        var next = level + 1;
        var applicable = criteria.Where(c => c.At(next) is not null).ToList();
        return new LevelResult(
            unitCode,
            scope,
            level,
            attainable,
            applicable.Where(c => values[c.Index] is { } v && !c.At(next)!.IsMet(c.Measure, v)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList(),
            applicable.Where(c => values[c.Index] is null).OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
    }
}
