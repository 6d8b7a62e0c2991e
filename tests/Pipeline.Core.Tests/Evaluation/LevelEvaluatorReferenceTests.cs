using Pipeline.Core.Evaluation;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests.Evaluation;

/// <summary>
/// The evaluator, which looks at each criterion once per unit, against the rule as written: for each level, every
/// applicable cell through <see cref="Cell.IsMet"/>. Random units (fixed seed) on qd2361 and on frameworks with random
/// cells: missing values, values exactly at a threshold or just under, counts over denominators, yes/no, enterprises
/// with "or all of them", minimums that fall from one level to the next, codes out of ordinal order.
/// </summary>
public sealed class LevelEvaluatorReferenceTests
{
    private static readonly LevelFramework Qd2361 = Frameworks.Qd2361;

    private static readonly decimal[] Minimums = [0, 10, 33.33m, 50, 66.67m, 70, 100];

    private static readonly Measure[] InputMeasures = [Measure.Percent, Measure.YesNo, Measure.Count, Measure.Enterprises];

    [Fact]
    public void Evaluate_OnQd2361_GivesWhatTheRuleAsWrittenGives()
    {
        AssertSameAsReference(Qd2361, new Random(2361), units: 3000, new HashSet<int>());
    }

    [Fact]
    public void Evaluate_OnFrameworksWithRandomCells_GivesWhatTheRuleAsWrittenGives()
    {
        var random = new Random(5);
        var levels = new SortedSet<int>();
        for (var f = 0; f < 300; f++)
        {
            AssertSameAsReference(RandomFramework(random), random, units: 100, levels);
        }

        // Not only level 0: units stop at every level, so every criterion's cells all count somewhere.
        Assert.Equal([0, 1, 2, 3, 4, 5], levels);
    }

    [Fact]
    public void Evaluate_APercentOfADenominatorOf0_ThrowsAsTheRuleAsWrittenDoes()
    {
        var framework = Qd2361;
        var values = Frameworks.MeetingLevel(framework, CriterionScope.Commune, 5);
        values[Frameworks.IndexOf(framework, "X.XHS.01")] = new Observation(0, 0);

        Assert.Throws<DivideByZeroException>(() => Reference(framework, CriterionScope.Commune, values));
        Assert.Throws<DivideByZeroException>(() => new LevelEvaluator(framework).Evaluate("u", CriterionScope.Commune, values));
    }

    private static void AssertSameAsReference(LevelFramework framework, Random random, int units, ISet<int> levels)
    {
        var evaluator = new LevelEvaluator(framework);
        foreach (var scope in new[] { CriterionScope.Commune, CriterionScope.District })
        {
            for (var unit = 0; unit < units; unit++)
            {
                var values = RandomValues(framework, scope, random);
                var expected = Reference(framework, scope, values);

                // An array (every caller of the product) and any other list.
                var result = evaluator.Evaluate("u", scope, values);
                Assert.Equal(expected, Summary(result));
                Assert.Equal(expected, Summary(evaluator.Evaluate("u", scope, values.ToList())));
                levels.Add(result.Level);
            }
        }
    }

    /// <summary>SPEC section 7 as written, level by level.</summary>
    private static string Reference(LevelFramework framework, CriterionScope scope, Observation?[] values)
    {
        var criteria = framework.Criteria.Where(c => c.Scope == scope).ToList();
        bool Reaches(int level, bool missingIsMet) =>
            criteria.All(c => c.At(level) is not { } cell || (values[c.Index] is { } v ? cell.IsMet(c.Measure, v) : missingIsMet));

        var level = 0;
        while (level < LevelFramework.MaxLevel && Reaches(level + 1, missingIsMet: false))
        {
            level++;
        }

        var attainable = 0;
        while (attainable < LevelFramework.MaxLevel && Reaches(attainable + 1, missingIsMet: true))
        {
            attainable++;
        }

        if (level == LevelFramework.MaxLevel)
        {
            return $"{level} {attainable} blocking [] missing []";
        }

        var next = criteria.Where(c => c.At(level + 1) is not null).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var blocking = next.Where(c => values[c.Index] is { } v && !c.At(level + 1)!.IsMet(c.Measure, v));
        var missing = next.Where(c => values[c.Index] is null);
        return $"{level} {attainable} blocking [{Codes(blocking)}] missing [{Codes(missing)}]";
    }

    private static string Summary(LevelResult result) =>
        $"{result.Level} {result.AttainableLevel} blocking [{Codes(result.Blocking)}] missing [{Codes(result.Missing)}]";

    private static string Codes(IEnumerable<LevelCriterion> criteria) => string.Join(' ', criteria.Select(c => c.Code));

    /// <summary>
    /// A few of qd2361's criteria (both scopes, sometimes the roll-up) with new codes, random measures and random cells;
    /// few, so that each one often decides the level.
    /// </summary>
    private static LevelFramework RandomFramework(Random random)
    {
        var criteria = Qd2361.Criteria
            .Where(_ => random.Next(10) == 0)
            .Select(c => c.Measure == Measure.CommuneRollup ? c : c with { Measure = InputMeasures[random.Next(InputMeasures.Length)] })
            .Select(c => c with
            {
                // Mixed case and numbers out of numeric order: ordinal order is not the framework's order.
                Code = $"{"XxHh"[random.Next(4)]}.{random.Next(1000)}",
                Cells = [.. Enumerable.Range(1, LevelFramework.MaxLevel).Select(l => RandomCell(c.Measure, l, random))],
            })
            .DistinctBy(c => c.Code)
            .ToList();
        // Indexes stay those of qd2361, as value arrays are sized by it.
        return Qd2361 with { Criteria = criteria };
    }

    private static Cell? RandomCell(Measure measure, int level, Random random) => random.Next(4) == 0 ? null : measure switch
    {
        Measure.YesNo => new Cell("Có") { Level = level },
        Measure.CommuneRollup => new Cell("...", AllAtLeastLevel: level - 1) { Level = level },
        Measure.Enterprises => new Cell("...", Min: random.Next(4), OrAll: random.Next(2) == 0) { Level = level },
        Measure.Count => new Cell("...", Min: random.Next(4)) { Level = level },
        _ => new Cell("...", Min: Minimums[random.Next(Minimums.Length)]) { Level = level },
    };

    private static Observation?[] RandomValues(LevelFramework framework, CriterionScope scope, Random random)
    {
        var values = new Observation?[Qd2361.Criteria.Count];
        foreach (var criterion in framework.Criteria.Where(c => c.Scope == scope && random.Next(8) != 0))
        {
            // A minimum of this criterion's, so that values land exactly on thresholds.
            var minimums = Enumerable.Range(1, LevelFramework.MaxLevel).Select(l => criterion.At(l)?.Min).OfType<decimal>().ToList();
            var min = minimums.Count > 0 ? minimums[random.Next(minimums.Count)] : 0;
            values[criterion.Index] = criterion.Measure switch
            {
                Measure.YesNo => random.Next(4) == 0 ? Observation.No : Observation.Yes,
                Measure.CommuneRollup => new Observation(random.Next(LevelFramework.MaxLevel + 1)),
                Measure.Count => new Observation(random.Next(2) == 0 ? min : random.Next(5)),
                Measure.Enterprises => Enterprises(min, random),
                _ => Percent(min, random),
            };
        }

        return values;
    }

    /// <summary>At, just under or around a minimum, as a percentage or as a count of a denominator.</summary>
    private static Observation Percent(decimal min, Random random) => random.Next(6) switch
    {
        0 => new Observation(min),
        1 => new Observation(Math.Max(0, min - 0.01m)),
        2 => new Observation(random.Next(101)),
        3 => new Observation(decimal.Round(min / 10), 10), // 7 of 10 is exactly 70%
        4 => new Observation(random.Next(4), 3), // thirds: 33.33...%, 66.66...%
        _ => new Observation(random.Next(1001), 1000),
    };

    /// <summary>"At least n, or all of them": with and without the total, all of them or not, none of none.</summary>
    private static Observation Enterprises(decimal min, Random random)
    {
        var count = random.Next(2) == 0 ? min : random.Next(5);
        return random.Next(4) switch
        {
            0 => new Observation(count),
            1 => new Observation(count, count),
            _ => new Observation(count, random.Next(6)),
        };
    }
}
