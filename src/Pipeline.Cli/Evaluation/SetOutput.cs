using Pipeline.Core.Evaluation;

namespace Pipeline.Cli.Evaluation;

/// <summary>Evaluates and writes a sets framework (dn151): `unit_code,unit_type,&lt;one column per set&gt;,blocking,missing`.</summary>
internal static class SetOutput
{
    public static int Run(SetFramework framework, EvaluationInput input, string outPath, bool explain)
    {
        var evaluator = new SetEvaluator(framework);
        var results = input.Units
            .Select(unit =>
            {
                var values = input.ValuesOf(unit.Code, framework.Criteria.Count);
                return (Result: evaluator.Evaluate(unit, values), Values: values);
            })
            .ToList();
        string[] header = ["unit_code", "unit_type", .. framework.Sets.Select(s => s.Result), "blocking", "missing"];
        using (var csv = new CsvOut(outPath, header))
        {
            foreach (var (result, _) in results)
            {
                csv.Row([
                    result.UnitCode,
                    result.UnitType,
                    .. framework.Sets.Select(s => result.PassedSets.Contains(s.Id) ? "true" : "false"),
                    string.Join(';', result.Blocking.Select(c => c.Code)),
                    string.Join(';', result.Missing.Select(c => c.Code)),
                ]);
            }

            csv.Commit();
        }

        if (explain)
        {
            foreach (var (result, values) in results)
            {
                var passed = result.PassedSets.Count == 0 ? "no set passed" : "passed " + string.Join(", ", result.PassedSets);
                Console.WriteLine($"{result.UnitCode} ({result.UnitType}): {passed}");
                var column = framework.UnitTypeColumns[result.UnitType];
                foreach (var criterion in result.Blocking)
                {
                    var gap = GapText.Gap(criterion.Measure, criterion.Cells[column]!, values[criterion.Index]!.Value);
                    Console.WriteLine($"  {criterion.Code} {gap} needed for {result.NextSet}");
                }

                foreach (var criterion in result.Missing)
                {
                    Console.WriteLine("  " + GapText.Missing(criterion, result.NextSet!));
                }
            }
        }

        return results.Count;
    }
}
