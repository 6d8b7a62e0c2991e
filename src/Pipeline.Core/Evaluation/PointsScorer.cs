using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// Scores units under a <see cref="PointsFramework"/> (the DTI method of Đắk Lắk 2534/QĐ-UBND): points per criterion
/// by its formula, missing data 0 points and reported as missing, group subtotals, total, rank among the units
/// scored together, and optionally a normalised total.
/// </summary>
public sealed class PointsScorer(PointsFramework framework)
{
    private readonly Dictionary<string, PointCriterion> _byCode = framework.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
    private readonly HashSet<string> _children = framework.Criteria.Select(c => c.Scoring).OfType<SumScoring>().SelectMany(s => s.Of).ToHashSet(StringComparer.Ordinal);

    public PointsFramework Framework => framework;

    /// <summary>The DTI scores communes only.</summary>
    public static string? UnitProblem(AdminUnit unit, Criterion criterion) =>
        unit.Level == UnitLevel.Commune ? null : $"{criterion.Code} scores communes, but {unit.Code} is a {unit.Level.ToText()}";

    public PointsResult Score(string unitCode, IReadOnlyList<Observation?> values)
    {
        var groups = framework.Groups.ToDictionary(g => g.Id, _ => 0m, StringComparer.Ordinal);
        var missing = new List<PointCriterion>();
        // Children of a sum count through their parent, so only top-level criteria add to the groups.
        foreach (var criterion in framework.Criteria.Where(c => !_children.Contains(c.Code)))
        {
            groups[criterion.Group] += Points(criterion, values, missing);
        }

        // The appendix states some group maxima below the sum of their criteria (see the file's notes): a group never
        // scores above its stated maximum, so the total stays out of the framework's maximum.
        foreach (var group in framework.Groups)
        {
            groups[group.Id] = Math.Min(groups[group.Id], group.MaxPoints);
        }

        return new PointsResult(unitCode, groups.Values.Sum(), groups, missing.OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
    }

    public IReadOnlyList<PointsResult> ScoreAll(
        IEnumerable<(string UnitCode, IReadOnlyList<Observation?> Values)> units, ScoreNormalisation normalisation)
    {
        var scored = units.Select(u => Score(u.UnitCode, u.Values)).ToList();
        return Ranking.Rank(scored, normalisation);
    }

    private decimal Points(PointCriterion criterion, IReadOnlyList<Observation?> values, List<PointCriterion> missing)
    {
        if (criterion.Scoring is SumScoring sum)
        {
            return Math.Min(sum.Of.Sum(child => Points(_byCode[child], values, missing)), criterion.MaxPoints);
        }

        if (values[criterion.Index] is not { } value)
        {
            missing.Add(criterion);
            return 0;
        }

        return Math.Round(criterion.Scoring.Points(value, criterion.MaxPoints), 4, MidpointRounding.AwayFromZero);
    }
}
