namespace Pipeline.Core.Input;

/// <summary>What is wrong with an input file, and where: the file name, the 1-based line when known, the problem.</summary>
public sealed record InputProblem(string File, long? Line, string Problem)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Problem}" : $"{File}: {Problem}";
}
