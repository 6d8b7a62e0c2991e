namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The level report of one stored evaluation (framework, map, assessment year), as the host's page and API and the
/// command line's files show it: communes per level per province (and district on the 2024 map), the criteria that
/// hold communes below their next level, and the trend over the years evaluated on the trend map.
/// </summary>
/// <param name="LevelNames">Index = level: 0 is "none reached", then the framework's names (Khởi động .. Toàn diện).</param>
/// <param name="Simulated">Some fact of the year came from a simulator, so the levels may rest on SIMULATED data.</param>
/// <param name="EvaluatedAt">When the latest of these levels was stored; null when none is.</param>
/// <param name="Areas">Provinces, each followed by its districts on the 2024 map; only areas with a stored level.</param>
/// <param name="Total">The sum of the province rows.</param>
/// <param name="Criteria">Every criterion blocking or missing somewhere, most blocking first.</param>
/// <param name="TrendEra">The map the trend is counted on: 2025, the communes that exist now.</param>
/// <param name="Trend">Per assessment year evaluated on <paramref name="TrendEra"/>: all communes, then each province.</param>
/// <param name="Evaluations">Every (map, year) the framework has stored levels for, newest first.</param>
public sealed record LevelReport(
    string Framework,
    string FrameworkTitle,
    string Instrument,
    short Era,
    int Year,
    IReadOnlyList<string> LevelNames,
    bool Simulated,
    DateTime? EvaluatedAt,
    IReadOnlyList<AreaLevels> Areas,
    AreaLevels Total,
    IReadOnlyList<CriterionCount> Criteria,
    short TrendEra,
    IReadOnlyList<TrendRow> Trend,
    IReadOnlyList<StoredEvaluation> Evaluations);

/// <summary>Communes per level (index 0..5) and per attainable level (missing values counted as met).</summary>
/// <param name="Evaluated">Communes with a stored level (the sum of <paramref name="Levels"/>).</param>
public sealed record LevelCounts(int Evaluated, IReadOnlyList<int> Levels, IReadOnlyList<int> Attainable);

/// <summary>A province (<paramref name="DistrictCode"/> null) or, on the 2024 map, a district of it.</summary>
/// <param name="Communes">Every commune of the area on the report's map, evaluated or not.</param>
/// <param name="Criteria">The criteria holding the area's communes below their next level, most blocking first.</param>
public sealed record AreaLevels(
    string? ProvinceCode,
    string? ProvinceName,
    string? DistrictCode,
    string? DistrictName,
    int Communes,
    LevelCounts Counts,
    IReadOnlyList<CriterionCount> Criteria);

/// <summary>How many communes a criterion holds below their next level.</summary>
/// <param name="Blocking">Communes where it is measured and not met at their next level.</param>
/// <param name="Missing">Communes where it applies at their next level and has no value.</param>
public sealed record CriterionCount(string Criterion, string Name, int Blocking, int Missing);

/// <summary>One assessment year on the trend map, over all communes (<paramref name="ProvinceCode"/> null) or one province.</summary>
public sealed record TrendRow(int Year, string? ProvinceCode, string? ProvinceName, LevelCounts Counts, bool Simulated);

/// <summary>A (map, assessment year) the framework has stored levels for.</summary>
public sealed record StoredEvaluation(short Era, int Year, DateTime EvaluatedAt);
