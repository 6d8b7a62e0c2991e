using Npgsql;
using Pipeline.Core.Evaluation;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.Levels;

/// <summary>
/// The job's last step: the communes of one map evaluated under Decision 2361 for an assessment year, from the
/// warehouse's criterion values (<c>analytics.criterion_values_qd2361</c>) with the same checks and evaluator as
/// `./pipeline evaluate`, and stored in <c>fact.level</c>, where only units whose result changed are written and
/// audited. On the 2025 map a year before the reform rests on rebased values (the trend on 2025 units); on the 2024
/// map the districts of the evaluated communes are evaluated too.
/// </summary>
public sealed class CommuneLevels(NpgsqlDataSource warehouse, AdminUnitSet units, TimeProvider time)
{
    public const string Framework = "qd2361";
    private const string Origin = "analytics.criterion_values_qd2361";

    /// <summary>
    /// The evaluations a period's values take part in: its year on the 2025 map always (rebased when measured on 2024
    /// units), and on the 2024 map for a period of 2024 or earlier (later years are assessed on the 2025 map).
    /// </summary>
    public static IReadOnlyList<(Era Era, int Year)> EvaluationsOf(Core.Periods.Period period) =>
        period.Era == Era.Y2024 && period.End.Year <= 2024
            ? [(Era.Y2025, period.End.Year), (Era.Y2024, period.End.Year)]
            : [(Era.Y2025, period.End.Year)];

    /// <summary>Every evaluation a period's values take part in (<see cref="EvaluationsOf"/>); the form a steward's decision queues.</summary>
    public async Task<IReadOnlyList<LevelsReport>> EvaluatePeriodAsync(string period, CancellationToken cancellationToken)
    {
        var reports = new List<LevelsReport>();
        foreach (var (era, year) in EvaluationsOf(Core.Periods.Period.Parse(period)))
        {
            reports.Add(await EvaluateAsync(era, year, cancellationToken));
        }

        return reports;
    }

    public async Task<LevelsReport> EvaluateAsync(Era era, int year, CancellationToken cancellationToken)
    {
        var values = await new LevelReader(warehouse).CriterionValuesAsync(era, year, cancellationToken);
        var framework = (LevelFramework)FrameworkCatalog.Load(Framework);
        var lookup = UnitLookup.For(era, units);
        var input = EvaluationInput.FromValues(
            values.Select(v => (v.UnitCode, v.Criterion, v.Value, v.Denominator, v.Low, v.High)), Origin, framework, lookup, LevelRun.UnitProblem)
            .WithDistrictsOfCommunes(lookup);
        var results = LevelRun.Evaluate(new LevelEvaluator(framework), input, lookup).Select(r => r.Result).ToList();
        await new FrameworkCriteria(warehouse).SyncAsync(framework, cancellationToken);
        var changed = await new LevelStore(warehouse, time).SaveAsync(
            Framework,
            era,
            year,
            results.Select(r => new StoredLevel(
                r.UnitCode, r.Level, r.AttainableLevel, [.. r.Blocking.Select(c => c.Code)], [.. r.Missing.Select(c => c.Code)],
                [.. r.Undetermined.Select(c => c.Code)])),
            cancellationToken);
        return new LevelsReport(era, year, results.Count, changed);
    }

    /// <summary>Whether the year was ever evaluated (a warehouse upgraded with facts already loaded has no levels yet).</summary>
    public Task<bool> HasLevelsAsync(Era era, int year, CancellationToken cancellationToken) =>
        new LevelReader(warehouse).HasLevelsAsync(Framework, era, year, cancellationToken);
}
/// <summary>How many units of the map were evaluated for the year and how many of their stored levels changed.</summary>
public sealed record LevelsReport(Era Era, int Year, int Evaluated, int Changed)
{
    public override string ToString() => $"{Evaluated} units of the {(int)Era} map evaluated for {Year}, {Changed} levels changed";
}
