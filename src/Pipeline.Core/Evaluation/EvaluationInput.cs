using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// The values of IN.csv (`unit_code,criterion,value,denominator`, SPEC section 7): per unit, in input order, one
/// observation per criterion of the framework (null where missing). Every line is checked before anything is
/// evaluated; all problems are reported together with file and line.
/// </summary>
public sealed class EvaluationInput
{
    private static readonly string[] Header = ["unit_code", "criterion", "value", "denominator"];

    private readonly Dictionary<string, Observation?[]> _values;

    private EvaluationInput(IReadOnlyList<AdminUnit> units, Dictionary<string, Observation?[]> values)
    {
        Units = units;
        _values = values;
    }

    /// <summary>Every unit with at least one row, in the order first seen.</summary>
    public IReadOnlyList<AdminUnit> Units { get; }

    /// <summary>The unit's observations indexed by <see cref="Criterion.Index"/>; all null for a unit with no rows.</summary>
    public Observation?[] ValuesOf(string unitCode, int criterionCount) =>
        _values.TryGetValue(unitCode, out var values) ? values : new Observation?[criterionCount];

    /// <param name="unitProblem">Why a unit cannot carry a criterion (wrong level, outside the framework's province), or null.</param>
    public static EvaluationInput Read(
        string path,
        Framework framework,
        UnitLookup units,
        Func<AdminUnit, Criterion, string?> unitProblem)
    {
        var problems = new ProblemList();
        var criteria = framework.AllCriteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var values = new Dictionary<string, Observation?[]>(StringComparer.Ordinal);
        var order = new List<AdminUnit>();
        var seen = new HashSet<(string Unit, string Criterion)>();

        // Each line is taken while the reader stands on it; a problem becomes that line's error.
        CsvFile.Read(
            path,
            Header,
            optionalTrailingColumns: 1,
            line => Accept(line, criteria, units, unitProblem, values, order) is { } problem ? throw new FieldException(problem) : true,
            problems);
        problems.ThrowIfAny();
        return new EvaluationInput(order, values);

        string? Accept(
            CsvLine line,
            Dictionary<string, Criterion> criteria,
            UnitLookup units,
            Func<AdminUnit, Criterion, string?> unitProblem,
            Dictionary<string, Observation?[]> values,
            List<AdminUnit> order)
        {
            var code = line.OptionalText("unit_code")?.Trim() ?? "";
            var criterionCode = line.OptionalText("criterion")?.Trim() ?? "";
            if (units.Find(code) is not { } unit)
            {
                return $"unit_code '{code}' is not a unit of the {(int)units.Era} map";
            }

            if (!criteria.TryGetValue(criterionCode, out var criterion))
            {
                return $"criterion '{criterionCode}' is not in framework {framework.Info.Id}";
            }

            if (unitProblem(unit, criterion) is { } wrongUnit)
            {
                return wrongUnit;
            }

            if (!values.TryGetValue(code, out var unitValues))
            {
                unitValues = new Observation?[framework.AllCriteria.Count];
                values.Add(code, unitValues);
                order.Add(unit);
            }

            if (!seen.Add((code, criterionCode)))
            {
                return $"a second row for unit {code} and criterion {criterionCode}";
            }

            var value = line.OptionalText("value");
            if (string.IsNullOrWhiteSpace(value))
            {
                // An empty value means missing (SPEC section 7); the unit is still evaluated.
                return criterion.InputKind == ValueKind.Computed ? $"{criterionCode} is computed, never input" : null;
            }

            try
            {
                unitValues[criterion.Index] = ValueKinds.Parse(criterion.InputKind, value, line.OptionalText("denominator"));
                return null;
            }
            catch (FormatException e)
            {
                return $"{criterionCode} for {code}: {e.Message}";
            }
        }
    }
}
