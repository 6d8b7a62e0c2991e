namespace Pipeline.Core.Evaluation;

/// <summary>What every criterion of every framework kind has.</summary>
/// <param name="Index">Position in the framework, used to index value arrays.</param>
public abstract record Criterion(int Index, string Code, string Name, string Group, string? Unit, string? Method, string? LegalBasis, string? Note)
{
    /// <summary>How an input value of this criterion must look.</summary>
    public abstract ValueKind InputKind { get; }
}

/// <summary>A criterion of a <see cref="FrameworkKind.Levels"/> framework: one cell per level, null where not applicable.</summary>
public sealed record LevelCriterion(
    int Index, string Code, string Name, string Group, string? Unit, string? Method, string? LegalBasis, string? Note,
    CriterionScope Scope,
    Measure Measure,
    IReadOnlyList<Cell?> Cells)
    : Criterion(Index, Code, Name, Group, Unit, Method, LegalBasis, Note)
{
    public override ValueKind InputKind => ValueKinds.Of(Measure);

    /// <summary>The cell for level 1..5, or null where "Không áp dụng".</summary>
    public Cell? At(int level) => Cells[level - 1];
}

/// <summary>A criterion of a <see cref="FrameworkKind.Sets"/> framework: one cell per unit-type column.</summary>
public sealed record SetCriterion(
    int Index, string Code, string Name, string Group, string? Unit, string? Method, string? LegalBasis, string? Note,
    string Set,
    Measure Measure,
    IReadOnlyDictionary<string, Cell?> Cells)
    : Criterion(Index, Code, Name, Group, Unit, Method, LegalBasis, Note)
{
    public override ValueKind InputKind => ValueKinds.Of(Measure);
}

/// <summary>A criterion of a <see cref="FrameworkKind.Points"/> framework.</summary>
public sealed record PointCriterion(
    int Index, string Code, string Name, string Group, string? Unit, string? Method, string? LegalBasis, string? Note,
    string Row,
    decimal MaxPoints,
    Scoring Scoring)
    : Criterion(Index, Code, Name, Group, Unit, Method, LegalBasis, Note)
{
    public override ValueKind InputKind => ValueKinds.Of(Scoring);
}

public enum CriterionScope
{
    Commune,
    District,
}
