namespace Pipeline.Core.Evaluation;

/// <summary>
/// Computes levels under a <see cref="LevelFramework"/>. Pure and allocation-light: values arrive as an array
/// indexed by criterion, so 10,035 communes x 38 criteria take milliseconds.
/// </summary>
/// <remarks>
/// Levels are cumulative, so each criterion is looked at once per unit, for its reach: the level below its first
/// cell that the value does not meet (below its first cell if the value is missing), or 5. A unit's level is the
/// lowest reach of its criteria; its attainable level the lowest reach of those with a value. What blocks level + 1
/// is then exactly the criteria whose reach is the unit's level.
/// A value known only within bounds (SPEC section 5) has two reaches: its low end's, which it surely meets, and its high
/// end's, which it might. The level takes the first, the attainable level the second (an undetermined criterion counts
/// like a missing one); a criterion whose two reaches differ at level + 1 is undetermined there, neither met nor blocking.
/// </remarks>
public sealed class LevelEvaluator
{
    private readonly LevelFramework _framework;
    private readonly Dictionary<CriterionScope, LevelCriterion[]> _byScope;
    private readonly Dictionary<CriterionScope, Rule[]> _rules;

    public LevelEvaluator(LevelFramework framework)
    {
        _framework = framework;
        _byScope = framework.Criteria.GroupBy(c => c.Scope).ToDictionary(g => g.Key, g => g.ToArray());
        // Sorted by code, so Blocking and Missing come out in order; a criterion with no cell at all never counts.
        _rules = _byScope.ToDictionary(
            s => s.Key,
            s => s.Value.Select(Rule.Of).Where(r => r.Steps.Length > 0).OrderBy(r => r.Criterion.Code, StringComparer.Ordinal).ToArray());
    }

    public LevelFramework Framework => _framework;

    public IReadOnlyList<LevelCriterion> CriteriaOf(CriterionScope scope) => _byScope.GetValueOrDefault(scope, []);

    public LevelResult Evaluate(string unitCode, CriterionScope scope, IReadOnlyList<Observation?> values)
    {
        var rules = _rules.GetValueOrDefault(scope, []);
        // Every caller of the product passes an array; indexing it directly is measurably cheaper than the interface.
        var array = values as Observation?[] ?? [.. values];
        Span<byte> reach = stackalloc byte[rules.Length];
        Span<bool> absent = stackalloc bool[rules.Length];
        // The high end's reach; equal to reach for a value without bounds.
        Span<byte> possible = stackalloc byte[rules.Length];
        var level = LevelFramework.MaxLevel;
        var attainable = LevelFramework.MaxLevel;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            // By reference: an Observation? is 48 bytes, and copying it shows in the bench.
            ref readonly var value = ref array[rule.Criterion.Index];
            if (value.HasValue)
            {
                ref readonly var observation = ref Nullable.GetValueRefOrDefaultRef(in value);
                if (observation.Bounds is null)
                {
                    reach[i] = rule.Reach(in observation);
                    possible[i] = reach[i];
                }
                else
                {
                    reach[i] = rule.Reach(observation.Low);
                    possible[i] = rule.Reach(observation.High);
                }

                attainable = Math.Min(attainable, possible[i]);
            }
            else
            {
                absent[i] = true;
                reach[i] = (byte)(rule.Steps[0].Level - 1);
            }

            level = Math.Min(level, reach[i]);
        }

        if (level == LevelFramework.MaxLevel)
        {
            return new LevelResult(unitCode, scope, level, attainable, [], []);
        }

        return new LevelResult(
            unitCode,
            scope,
            level,
            attainable,
            Stopping(rules, reach, absent, possible, level, Stop.NotMet),
            Stopping(rules, reach, absent, possible, level, Stop.Missing))
        {
            Undetermined = Stopping(rules, reach, absent, possible, level, Stop.Undetermined),
        };
    }

    private enum Stop
    {
        NotMet,
        Missing,
        Undetermined,
    }

    private static Stop Why(ReadOnlySpan<bool> absent, ReadOnlySpan<byte> possible, int i, int level) =>
        absent[i] ? Stop.Missing : possible[i] > level ? Stop.Undetermined : Stop.NotMet;

    /// <summary>
    /// The criteria that stop at <paramref name="level"/> for the reason <paramref name="why"/>: those applicable at
    /// level + 1 that are unmet, missing or undetermined, since no criterion reaches lower. In the rules' (code) order.
    /// </summary>
    private static LevelCriterion[] Stopping(
        Rule[] rules, ReadOnlySpan<byte> reach, ReadOnlySpan<bool> absent, ReadOnlySpan<byte> possible, int level, Stop why)
    {
        var count = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            count += reach[i] == level && Why(absent, possible, i, level) == why ? 1 : 0;
        }

        // Counted first: one array of the right size, no list to grow; the shared empty array when there are none.
        if (count == 0)
        {
            return [];
        }

        var stopping = new LevelCriterion[count];
        count = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            if (reach[i] == level && Why(absent, possible, i, level) == why)
            {
                stopping[count++] = rules[i].Criterion;
            }
        }

        return stopping;
    }

    /// <summary>
    /// A criterion and its cells in level order, as steps: those not applicable ("Không áp dụng") left out, and a cell
    /// that asks the same as the one before it (yes/no at every level, "100%" at 4 and 5) merged into it.
    /// </summary>
    private sealed record Rule(LevelCriterion Criterion, Step[] Steps)
    {
        public static Rule Of(LevelCriterion criterion)
        {
            var steps = new List<Step>();
            for (var l = 1; l <= LevelFramework.MaxLevel; l++)
            {
                if (criterion.At(l) is { } cell && !(steps.Count > 0 && cell.AsksTheSameAs(steps[^1].Cell, criterion.Measure)))
                {
                    steps.Add(new Step(cell, l));
                }
            }

            return new Rule(criterion, [.. steps]);
        }

        /// <summary>The level below the first cell <paramref name="value"/> does not meet, or 5.</summary>
        public byte Reach(in Observation value)
        {
            var measure = Criterion.Measure;
            // A rate is a decimal division: once per unit, not once per level (Cell.IsMet divides as Observation.Rate does).
            var rate = measure == Measure.Percent ? value.Rate : 0;
            foreach (var step in Steps)
            {
                if (!(measure == Measure.Percent ? step.Cell.MeetsRate(rate) : step.Cell.IsMet(measure, value)))
                {
                    return (byte)(step.Level - 1);
                }
            }

            return LevelFramework.MaxLevel;
        }
    }

    /// <param name="Level">The first level at which <paramref name="Cell"/> applies.</param>
    private sealed record Step(Cell Cell, int Level);
}
