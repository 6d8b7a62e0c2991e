using Pipeline.Core.Evaluation;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Evaluation;

/// <summary>Evaluates and writes a levels framework (qd2361): `unit_code,scope,level,attainable_level,blocking,missing`.</summary>
internal static class LevelOutput
{
    public static int Run(LevelFramework framework, EvaluationInput input, UnitLookup units, string outPath, bool explain)
    {
        var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, units);
        Write(results, outPath);
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
    public static void Write(IReadOnlyList<(LevelResult Result, Observation?[] Values)> results, string outPath)
    {
        using var csv = new CsvOut(outPath, "unit_code", "scope", "level", "attainable_level", "blocking", "missing");
        foreach (var (result, _) in results)
        {
            csv.Row(
                result.UnitCode,
                result.Scope == CriterionScope.Commune ? "commune" : "district",
                Text(result.Level),
                Text(result.AttainableLevel),
                string.Join(';', result.Blocking.Select(c => c.Code)),
                string.Join(';', result.Missing.Select(c => c.Code)));
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

        foreach (var criterion in result.Missing)
        {
            Console.WriteLine("  " + GapText.Missing(criterion, $"level {next}"));
        }
    }

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
