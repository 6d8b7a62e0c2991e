using System.Globalization;
using Pipeline.Core.Evaluation;

namespace Pipeline.Cli.Evaluation;

/// <summary>
/// Scores and writes a points framework (dti):
/// `unit_code,points,max_points,rank,normalised,group_&lt;id&gt;...,missing`.
/// </summary>
internal static class PointsOutput
{
    public static int Run(PointsFramework framework, EvaluationInput input, string outPath, ScoreNormalisation normalisation, bool explain)
    {
        var scorer = new PointsScorer(framework);
        var results = scorer.ScoreAll(
            input.Units.Select(u => (u.Code, (IReadOnlyList<Observation?>)input.ValuesOf(u.Code, framework.Criteria.Count))),
            normalisation);
        string[] header = ["unit_code", "points", "max_points", "rank", "normalised", .. framework.Groups.Select(g => $"group_{g.Id}"), "missing"];
        using (var csv = new CsvOut(outPath, header))
        {
            foreach (var result in results)
            {
                csv.Row([
                    result.UnitCode,
                    Number(result.Total),
                    Number(framework.MaxPoints),
                    result.Rank.ToString(CultureInfo.InvariantCulture),
                    result.Normalised is { } n ? Number(n) : "",
                    .. framework.Groups.Select(g => Number(result.GroupPoints[g.Id])),
                    string.Join(';', result.Missing.Select(c => c.Code)),
                ]);
            }

            csv.Commit();
        }

        if (explain)
        {
            foreach (var result in results)
            {
                Console.WriteLine($"{result.UnitCode}: {Number(result.Total)} of {Number(framework.MaxPoints)} points, rank {result.Rank} of {results.Count}");
                foreach (var group in framework.Groups)
                {
                    Console.WriteLine($"  {group.Id} {group.Name}: {Number(result.GroupPoints[group.Id])} of {Number(group.MaxPoints)}");
                }

                if (result.Missing.Count > 0)
                {
                    Console.WriteLine($"  no data (scored 0, not a measured 0): {string.Join(", ", result.Missing.Select(c => c.Code))}");
                }
            }
        }

        return results.Count;
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
