using System.Globalization;
using Dapper;
using Npgsql;
using Pipeline.Cli.Evaluation;
using Pipeline.Core.Evaluation;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Cli.Demo;

/// <summary>
/// Evaluates every 2025 commune under Decision 2361 from the warehouse, through the same path as `./pipeline
/// evaluate`: the criterion values of <c>analytics.criterion_inputs_qd2361</c> for the year are written as its
/// IN.csv, read back with its checks, evaluated, and written as its OUT.csv.
/// </summary>
internal static class DemoEvaluation
{
    public static async Task<IReadOnlyList<LevelResult>> RunAsync(
        NpgsqlDataSource warehouse, AdminUnitSet units, int year, string outDirectory, CancellationToken ct)
    {
        var inputPath = Path.Combine(outDirectory, $"qd2361_inputs_{year}.csv");
        await using (var connection = await warehouse.OpenConnectionAsync(ct))
        {
            var rows = await connection.QueryAsync<(string UnitCode, string Criterion, decimal Value, decimal? Denominator)>(new CommandDefinition(
                "select unit_code, criterion, value, denominator from analytics.criterion_inputs_qd2361 where year = @year order by unit_code, criterion",
                new { year },
                cancellationToken: ct));
            using var csv = new CsvOut(inputPath, "unit_code", "criterion", "value", "denominator");
            foreach (var row in rows)
            {
                csv.Row(row.UnitCode, row.Criterion, Text(row.Value), row.Denominator is { } d ? Text(d) : "");
            }

            csv.Commit();
        }

        var framework = (LevelFramework)FrameworkCatalog.Load("qd2361");
        var lookup = UnitLookup.For(Era.Y2025, units);
        var input = EvaluationInput.Read(inputPath, framework, lookup, LevelRun.UnitProblem);
        var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, lookup);
        LevelOutput.Write(results, Path.Combine(outDirectory, $"qd2361_levels_{year}.csv"));
        return [.. results.Select(r => r.Result)];
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
