using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.Evaluation;

/// <summary>
/// The values of IN.csv (`unit_code,criterion,value,denominator`, SPEC section 7, with the optional `low,high` bounds of
/// section 5): per unit, in input order, one observation per criterion of the framework (null where missing). Every
/// line is checked before anything is evaluated; all problems are reported together with file and line.
/// </summary>
public sealed class EvaluationInput
{
    private static readonly string[] Header = ["unit_code", "criterion", "value", "denominator", "low", "high"];

    private readonly Dictionary<string, Observation?[]> _values;

    private EvaluationInput(IReadOnlyList<AdminUnit> units, Dictionary<string, Observation?[]> values)
    {
        Units = units;
        _values = values;
    }

    /// <summary>Whether any value carries bounds (the evaluation then says which criteria are undetermined).</summary>
    public bool HasBounds { get; private init; }

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
        var builder = new Builder(framework, units, unitProblem);

        // Each line is taken while the reader stands on it; a problem becomes that line's error.
        CsvFile.Read(
            path,
            Header,
            optionalTrailingColumns: 3,
            line => builder.Accept(
                line.OptionalText("unit_code")?.Trim() ?? "",
                line.OptionalText("criterion")?.Trim() ?? "",
                line.OptionalText("value"),
                line.OptionalText("denominator"),
                line.OptionalText("low"),
                line.OptionalText("high")) is { } problem ? throw new FieldException(problem) : true,
            problems);
        problems.ThrowIfAny();
        return builder.Build();
    }

    /// <summary>
    /// The same input from rows another part of the product computed (the warehouse's criterion values), with the same
    /// checks; a problem names <paramref name="origin"/> and the row.
    /// </summary>
    public static EvaluationInput FromRows(
        IEnumerable<(string UnitCode, string Criterion, string? Value, string? Denominator)> rows,
        string origin,
        Framework framework,
        UnitLookup units,
        Func<AdminUnit, Criterion, string?> unitProblem)
        => Collect(rows, origin, new Builder(framework, units, unitProblem), (builder, r) => builder.Accept(r.UnitCode, r.Criterion, r.Value, r.Denominator, null, null));

    /// <summary>
    /// The same input from numbers the warehouse holds (its criterion values, with the bounds of values combined from
    /// parts: both or neither, SPEC section 5), with the same checks as <see cref="FromRows"/> and no detour through
    /// text; a problem names <paramref name="origin"/> and the row.
    /// </summary>
    public static EvaluationInput FromValues(
        IEnumerable<(string UnitCode, string Criterion, decimal Value, decimal? Denominator, decimal? Low, decimal? High)> rows,
        string origin,
        Framework framework,
        UnitLookup units,
        Func<AdminUnit, Criterion, string?> unitProblem)
        => Collect(rows, origin, new Builder(framework, units, unitProblem), (builder, r) => builder.Accept(r.UnitCode, r.Criterion, r.Value, r.Denominator, r.Low, r.High));

    /// <summary>Every row through <paramref name="accept"/>; all problems are reported at once, each with its row number.</summary>
    private static EvaluationInput Collect<T>(IEnumerable<T> rows, string origin, Builder builder, Func<Builder, T, string?> accept)
    {
        var problems = new ProblemList();
        var row = 0L;
        foreach (var item in rows)
        {
            row++;
            if (accept(builder, item) is { } problem)
            {
                problems.Add(origin, row, problem);
            }
        }

        problems.ThrowIfAny();
        return builder.Build();
    }

    /// <summary>
    /// The same input with the district of every commune in it (2024 map) added without rows of its own, so the
    /// district is evaluated too: its H.CHUNG.01 rolls up its communes' levels, its other criteria are missing until
    /// a row gives them. A district already in the input keeps its rows.
    /// </summary>
    public EvaluationInput WithDistrictsOfCommunes(UnitLookup units)
    {
        var order = Units.ToList();
        var present = Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in Units.Where(u => u.Level == UnitLevel.Commune).Select(u => u.DistrictCode).OfType<string>())
        {
            if (present.Add(code) && units.Find(code) is { Level: UnitLevel.District } district)
            {
                order.Add(district);
            }
        }

        return new EvaluationInput(order, _values) { HasBounds = HasBounds };
    }

    /// <summary>Collects checked rows into observations per unit.</summary>
    private sealed class Builder(Framework framework, UnitLookup units, Func<AdminUnit, Criterion, string?> unitProblem)
    {
        private readonly Dictionary<string, Criterion> _criteria = framework.AllCriteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        private readonly Dictionary<string, Observation?[]> _values = new(StringComparer.Ordinal);
        private readonly List<AdminUnit> _order = [];
        private readonly HashSet<(string Unit, string Criterion)> _seen = [];

        private bool _hasBounds;

        public EvaluationInput Build() => new(_order, _values) { HasBounds = _hasBounds };

        /// <summary>Takes one row of text (IN.csv), or says what is wrong with it.</summary>
        public string? Accept(string code, string criterionCode, string? value, string? denominator, string? low, string? high)
        {
            if (Place(code, criterionCode, out var criterion, out var unitValues) is { } problem)
            {
                return problem;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                // An empty value means missing (SPEC section 7); the unit is still evaluated.
                return criterion.InputKind == ValueKind.Computed ? $"{criterionCode} is computed, never input"
                    : string.IsNullOrWhiteSpace(low) && string.IsNullOrWhiteSpace(high) ? null
                    : $"{criterionCode} for {code}: bounds without a value (the value is the point estimate the bounds hold)";
            }

            return Store(code, criterion, unitValues, () => ValueKinds.Parse(criterion.InputKind, value, denominator, low, high));
        }

        /// <summary>Takes one row of numbers (the warehouse's), or says what is wrong with it.</summary>
        public string? Accept(string code, string criterionCode, decimal value, decimal? denominator, decimal? low = null, decimal? high = null) =>
            Place(code, criterionCode, out var criterion, out var unitValues)
            ?? Store(code, criterion, unitValues, () => ValueKinds.Check(criterion.InputKind, value, denominator, low, high));

        private string? Store(string code, Criterion criterion, Observation?[] unitValues, Func<Observation> observe)
        {
            try
            {
                var observation = observe();
                if (observation.Bounds is not null && framework is not LevelFramework)
                {
                    return $"{criterion.Code} for {code}: bounds (low, high) are taken by levels frameworks only; {framework.Info.Id} compares single values";
                }

                unitValues[criterion.Index] = observation;
                _hasBounds |= observation.Bounds is not null;
                return null;
            }
            catch (FormatException e)
            {
                return $"{criterion.Code} for {code}: {e.Message}";
            }
        }

        /// <summary>Checks the unit and criterion of a row and finds where its value goes.</summary>
        private string? Place(string code, string criterionCode, out Criterion criterion, out Observation?[] unitValues)
        {
            criterion = null!;
            unitValues = [];
            if (units.Find(code) is not { } unit)
            {
                return $"unit_code '{code}' is not a unit of the {(int)units.Era} map";
            }

            if (!_criteria.TryGetValue(criterionCode, out criterion!))
            {
                return $"criterion '{criterionCode}' is not in framework {framework.Info.Id}";
            }

            if (unitProblem(unit, criterion) is { } wrongUnit)
            {
                return wrongUnit;
            }

            if (!_values.TryGetValue(code, out unitValues!))
            {
                unitValues = new Observation?[framework.AllCriteria.Count];
                _values.Add(code, unitValues);
                _order.Add(unit);
            }

            return _seen.Add((code, criterionCode)) ? null : $"a second row for unit {code} and criterion {criterionCode}";
        }
    }
}
