namespace Pipeline.Core.Input;

/// <summary>
/// Input refused before anything was written. Carries every problem found (up to a limit) so an operator can fix a
/// file in one pass; the command line turns it into exit code 2.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(IReadOnlyList<InputProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public BadInputException(InputProblem problem)
        : this([problem])
    {
    }

    public IReadOnlyList<InputProblem> Problems { get; }

    private static string Describe(IReadOnlyList<InputProblem> problems) => problems.Count == 1
        ? problems[0].ToString()
        : $"{problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
