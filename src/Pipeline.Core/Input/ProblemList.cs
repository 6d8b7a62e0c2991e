namespace Pipeline.Core.Input;

/// <summary>Collects problems while a file set is checked, and stops collecting past a limit so a wholly wrong file does not flood the terminal.</summary>
public sealed class ProblemList(int limit = 25)
{
    private readonly List<InputProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public bool Full => _problems.Count >= limit;

    public void Add(string file, long? line, string problem)
    {
        if (!Full)
        {
            _problems.Add(new InputProblem(file, line, problem));
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new BadInputException(_problems.ToArray());
        }
    }
}
