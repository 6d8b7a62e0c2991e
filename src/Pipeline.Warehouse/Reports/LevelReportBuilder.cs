using System.Data;
using Dapper;
using Npgsql;
using Pipeline.Core.Evaluation;
using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Builds the <see cref="LevelReport"/> of a stored evaluation from <c>fact.level</c>, for the host's API and page and
/// for `./pipeline report levels` alike. Counts come from the warehouse as they are; nothing is interpolated, so a
/// year shows in the trend only once it has been evaluated on the trend map.
/// </summary>
public sealed class LevelReportBuilder(NpgsqlDataSource dataSource)
{
    /// <summary>Trends are counted on the 2025 communes: the units that exist now, onto which earlier years are rebased.</summary>
    public const Era TrendEra = Era.Y2025;

    /// <param name="framework">An embedded levels framework (qd2361); never a file path, since the host passes it from a request.</param>
    /// <param name="year">The assessment year; null for the latest evaluated on <paramref name="era"/>.</param>
    /// <returns>The report; null when no year was asked for and nothing was ever evaluated on the map.</returns>
    /// <exception cref="BadInputException">The framework is unknown or not a levels framework.</exception>
    public async Task<LevelReport?> BuildAsync(string framework, Era era, int? year, CancellationToken ct)
    {
        var levels = LevelFrameworkOf(framework);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for every query, so a nightly job storing levels meanwhile cannot make the parts disagree.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var evaluations = await EvaluationsAsync(connection, snapshot, framework, ct);
        if ((year ?? evaluations.Where(e => e.Era == (short)era).Select(e => (int?)e.Year).Max()) is not { } reportYear)
        {
            return null;
        }

        var parameters = new { framework, era = (short)era, year = reportYear };
        var areaRows = await connection.QueryAsync<AreaRow>(
            new CommandDefinition(SqlResources.Query("Reports/report_level_areas"), parameters, snapshot, cancellationToken: ct));
        var criterionRows = (await connection.QueryAsync<CriterionRow>(
            new CommandDefinition(SqlResources.Query("Reports/report_level_criteria"), parameters, snapshot, cancellationToken: ct))).ToLookup(c => (c.ProvinceCode, c.DistrictCode));
        var trendRows = await connection.QueryAsync<TrendColumns>(
            new CommandDefinition(SqlResources.Query("Reports/report_level_trend"), new { framework, era = (short)TrendEra }, snapshot, cancellationToken: ct));
        var simulatedYears = (await connection.QueryAsync<int>(
            new CommandDefinition(SqlResources.Query("Reports/report_simulated_years"), transaction: snapshot, cancellationToken: ct))).ToHashSet();

        List<CriterionCount> CriteriaOf(string? province, string? district) =>
        [
            .. criterionRows[(province, district)]
                .Select(c => new CriterionCount(c.Criterion, levels.Find(c.Criterion)?.Name ?? "", c.Blocking, c.Missing)),
        ];

        var areas = areaRows
            .Select(a => new AreaLevels(a.ProvinceCode, a.ProvinceName, a.DistrictCode, a.DistrictName, a.Communes, a.ToCounts(), CriteriaOf(a.ProvinceCode, a.DistrictCode)))
            .ToList();
        var provinces = areas.Where(a => a.DistrictCode is null).ToList();
        var total = new AreaLevels(null, null, null, null, provinces.Sum(p => p.Communes), Sum(provinces.Select(p => p.Counts)), CriteriaOf(null, null));

        return new LevelReport(
            levels.Info.Id,
            levels.Info.Title,
            levels.Info.Instrument,
            (short)era,
            reportYear,
            ["none reached", .. levels.LevelNames],
            simulatedYears.Contains(reportYear),
            evaluations.FirstOrDefault(e => e.Era == (short)era && e.Year == reportYear)?.EvaluatedAt,
            areas,
            total,
            total.Criteria,
            (short)TrendEra,
            [.. trendRows.Select(t => new TrendRow(t.Year, t.ProvinceCode, t.ProvinceName, t.ToCounts(), simulatedYears.Contains(t.Year)))],
            evaluations);
    }

    /// <summary>Every (map, year) the framework has stored levels for, newest first.</summary>
    public async Task<IReadOnlyList<StoredEvaluation>> EvaluationsAsync(string framework, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await EvaluationsAsync(connection, null, framework, ct);
    }

    private static async Task<IReadOnlyList<StoredEvaluation>> EvaluationsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string framework, CancellationToken ct) =>
        [.. await connection.QueryAsync<StoredEvaluation>(
            new CommandDefinition(SqlResources.Query("Reports/report_evaluated_years"), new { framework }, transaction, cancellationToken: ct))];

    private static LevelFramework LevelFrameworkOf(string framework)
    {
        var embedded = FrameworkCatalog.Embedded().Where(f => f.Info.Id == framework).MaxBy(f => Version.Parse(f.Info.Version));
        return embedded switch
        {
            LevelFramework levels => levels,
            null => throw new BadInputException(new InputProblem("framework", null, $"unknown framework '{framework}'")),
            _ => throw new BadInputException(new InputProblem("framework", null, $"'{framework}' is not a levels framework (no levels to report)")),
        };
    }

    private static LevelCounts Sum(IEnumerable<LevelCounts> counts)
    {
        var list = counts.ToList();
        return new LevelCounts(
            list.Sum(c => c.Evaluated),
            [.. Enumerable.Range(0, LevelFramework.MaxLevel + 1).Select(l => list.Sum(c => c.Levels[l]))],
            [.. Enumerable.Range(0, LevelFramework.MaxLevel + 1).Select(l => list.Sum(c => c.Attainable[l]))]);
    }
}
