namespace Pipeline.Core.Evaluation;

/// <summary>A criteria set read from a framework file; the kind decides which evaluator runs it.</summary>
public abstract record Framework(FrameworkInfo Info)
{
    public abstract IReadOnlyList<Criterion> AllCriteria { get; }

    public Criterion? Find(string code) => AllCriteria.FirstOrDefault(c => c.Code == code);
}

/// <summary>Five cumulative levels: a unit reaches level L when every criterion applicable at 1..L is met.</summary>
public sealed record LevelFramework(FrameworkInfo Info, IReadOnlyList<string> LevelNames, IReadOnlyList<LevelCriterion> Criteria)
    : Framework(Info)
{
    public const int MaxLevel = 5;

    public override IReadOnlyList<Criterion> AllCriteria => Criteria;
}

/// <summary>Pass/fail sets whose cells depend on the unit's type column; a set may require another to be passed first.</summary>
public sealed record SetFramework(
    FrameworkInfo Info,
    IReadOnlyDictionary<string, string> UnitTypeColumns,
    IReadOnlyList<CriteriaSet> Sets,
    IReadOnlyList<SetCriterion> Criteria)
    : Framework(Info)
{
    public override IReadOnlyList<Criterion> AllCriteria => Criteria;
}

/// <param name="Result">The output column saying a unit passed the set (dn151: recognised, advanced).</param>
public sealed record CriteriaSet(string Id, string Name, string? Requires, string Result);

/// <summary>Points per criterion, subtotals per group, a total out of <see cref="MaxPoints"/>.</summary>
public sealed record PointsFramework(FrameworkInfo Info, decimal MaxPoints, IReadOnlyList<PointGroup> Groups, IReadOnlyList<PointCriterion> Criteria)
    : Framework(Info)
{
    public override IReadOnlyList<Criterion> AllCriteria => Criteria;
}

public sealed record PointGroup(string Id, string Name, decimal MaxPoints);
