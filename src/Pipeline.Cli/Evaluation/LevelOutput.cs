using Pipeline.Core.Evaluation;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Evaluates and writes a levels framework (qd2361): `unit_code,scope,level,attainable_level,blocking,missing`, and a
/// seventh column `undetermined` when the input carries bounds (SPEC section 5), so input without them gets exactly
/// the output of SPEC section 7.
/// </summary>
internal static class LevelOutput
{
    public static int Run(LevelFramework framework, EvaluationInput input, UnitLookup units, string outPath, bool explain)
    {
        var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, units);
        Write(results, outPath, input.HasBounds);
        if (explain)
        {
            foreach (var (result, values) in results)
            {
                Explain(framework, result, values);
            }
        }

        return results.Count;
    }

    /// <summary>OUT.csv of SPEC section 7, moved into place only when complete.</summary>
    public static void Write(IReadOnlyList<(LevelResult Result, Observation?[] Values)> results, string outPath, bool withUndetermined)
    {
        string[] header = ["unit_code", "scope", "level", "attainable_level", "blocking", "missing"];
        using var csv = new CsvOut(outPath, withUndetermined ? [.. header, "undetermined"] : header);
        foreach (var (result, _) in results)
        {
            string[] row =
            [
                result.UnitCode,
                result.Scope == CriterionScope.Commune ? "commune" : "district",
                Text(result.Level),
                Text(result.AttainableLevel),
                Codes(result.Blocking),
                Codes(result.Missing),
            ];
            csv.Row(withUndetermined ? [.. row, Codes(result.Undetermined)] : row);
        }

        csv.Commit();
    }

    private static void Explain(LevelFramework framework, LevelResult result, IReadOnlyList<Observation?> values)
    {
        var name = result.Level == 0 ? "none" : framework.LevelNames[result.Level - 1];
        Console.WriteLine($"{result.UnitCode} ({result.Scope.ToString().ToLowerInvariant()}): level {result.Level} ({name}), attainable {result.AttainableLevel}");
        var next = result.Level + 1;
        foreach (var criterion in result.Blocking)
        {
            Console.WriteLine("  " + GapText.Blocking(criterion, values[criterion.Index]!.Value, next));
        }

        foreach (var criterion in result.Undetermined)
        {
            Console.WriteLine("  " + GapText.Undetermined(criterion, values[criterion.Index]!.Value, next));
        }

        foreach (var criterion in result.Missing)
        {
            Console.WriteLine("  " + GapText.Missing(criterion, $"level {next}"));
        }
    }

    private static string Codes(IReadOnlyList<LevelCriterion> criteria) => string.Join(';', criteria.Select(c => c.Code));

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
