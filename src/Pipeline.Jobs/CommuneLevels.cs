using System.Globalization;
using Dapper;
using Npgsql;
using Pipeline.Core.Evaluation;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Levels;

namespace Pipeline.Jobs;

/// <summary>
/// The job's last step: every 2025 commune evaluated under Decision 2361 for an assessment year, from the warehouse's
/// criterion values (<c>analytics.criterion_inputs_qd2361</c>) with the same checks and evaluator as `./pipeline
/// evaluate`, and stored in <c>fact.level</c>, where only communes whose result changed are written and audited.
/// </summary>
public sealed class CommuneLevels(NpgsqlDataSource warehouse, AdminUnitSet units, TimeProvider time)
{
    public const string Framework = "qd2361";
    private const string Origin = "analytics.criterion_inputs_qd2361";

    public async Task<LevelsReport> EvaluateAsync(int year, CancellationToken cancellationToken)
    {
        List<(string, string, string?, string?)> rows;
        await using (var connection = await warehouse.OpenConnectionAsync(cancellationToken))
        {
            var values = await connection.QueryAsync<(string UnitCode, string Criterion, decimal Value, decimal? Denominator)>(new CommandDefinition(
                WarehouseQueries.CriterionInputsForYear,
                new { year },
                cancellationToken: cancellationToken));
            rows = [.. values.Select(v => (v.UnitCode, v.Criterion, (string?)Text(v.Value), v.Denominator is { } d ? Text(d) : null))];
        }

        var framework = (LevelFramework)FrameworkCatalog.Load(Framework);
        var lookup = UnitLookup.For(Era.Y2025, units);
        var input = EvaluationInput.FromRows(rows, Origin, framework, lookup, LevelRun.UnitProblem);
        var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, lookup).Select(r => r.Result).ToList();
        await new FrameworkCriteria(warehouse).SyncAsync(framework, cancellationToken);
        var changed = await new LevelStore(warehouse, time).SaveAsync(
            Framework,
            Era.Y2025,
            year,
            results.Select(r => new StoredLevel(
                r.UnitCode, r.Level, r.AttainableLevel, [.. r.Blocking.Select(c => c.Code)], [.. r.Missing.Select(c => c.Code)])),
            cancellationToken);
        return new LevelsReport(year, results.Count, changed);
    }

    /// <summary>Whether the year was ever evaluated (a warehouse upgraded with facts already loaded has no levels yet).</summary>
    public async Task<bool> HasLevelsAsync(int year, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            WarehouseQueries.HasLevels,
            new { framework = Framework, year },
            cancellationToken: cancellationToken));
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How many communes were evaluated for the year and how many of their stored levels changed.</summary>
public sealed record LevelsReport(int Year, int Evaluated, int Changed);
