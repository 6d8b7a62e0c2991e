using Pipeline.Core.Input;

namespace Pipeline.Core.Units.Rebasing;

/// <summary>
/// Reads rebase input (SPEC section 7): <c>unit_code,measure,numerator,denominator</c> on 2024 communes, the
/// denominator optional. Every problem is reported with its line; nothing is returned from a bad file.
/// </summary>
public static class RebaseInput
{
    public static readonly string[] Header = ["unit_code", "measure", "numerator", "denominator"];

    public static IReadOnlyList<OldCount> Read(string path, UnitLookup units2024)
    {
        var problems = new ProblemList();
        var seen = new HashSet<(string, string)>();
        var rows = CsvFile.Read(path, Header, optionalTrailingColumns: 1, line => Map(line, units2024, seen), problems);
        problems.ThrowIfAny();
        return rows.Items;
    }

    private static OldCount Map(CsvLine line, UnitLookup units, HashSet<(string, string)> seen)
    {
        var code = line.Code("unit_code", 5);
        if (units.Find(code) is not { Level: UnitLevel.Commune })
        {
            throw new FieldException($"unit_code '{code}' is not a 2024 commune");
        }

        var measure = line.Text("measure");
        var numerator = line.OptionalDecimal("numerator") ?? throw new FieldException("column numerator is empty");
        var denominator = line.OptionalDecimal("denominator");
        if (numerator < 0 || denominator < 0)
        {
            throw new FieldException("counts cannot be negative");
        }

        return seen.Add((code, measure))
            ? new OldCount(code, measure, numerator, denominator)
            : throw new FieldException($"a second row for unit_code '{code}' and measure '{measure}'");
    }
}
