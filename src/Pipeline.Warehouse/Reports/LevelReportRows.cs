namespace Pipeline.Warehouse.Reports;

// Rows of the report's queries (Queries/report_level_*.sql) as Dapper reads them: the twelve count columns
// (level_0 .. attainable_5) are properties, so both the area and the trend query share them.

internal abstract class LevelCountColumns
{
    public int Evaluated { get; set; }

    public int Level0 { get; set; }

    public int Level1 { get; set; }

    public int Level2 { get; set; }

    public int Level3 { get; set; }

    public int Level4 { get; set; }

    public int Level5 { get; set; }

    public int Attainable0 { get; set; }

    public int Attainable1 { get; set; }

    public int Attainable2 { get; set; }

    public int Attainable3 { get; set; }

    public int Attainable4 { get; set; }

    public int Attainable5 { get; set; }

    public LevelCounts ToCounts() =>
        new(Evaluated, [Level0, Level1, Level2, Level3, Level4, Level5], [Attainable0, Attainable1, Attainable2, Attainable3, Attainable4, Attainable5]);
}

/// <summary>report_level_areas: a province, or a district of it on the 2024 map.</summary>
internal sealed class AreaRow : LevelCountColumns
{
    public string ProvinceCode { get; set; } = "";

    public string ProvinceName { get; set; } = "";

    public string? DistrictCode { get; set; }

    public string? DistrictName { get; set; }

    public int Communes { get; set; }
}

/// <summary>report_level_trend: one year over all communes (no province) or one province.</summary>
internal sealed class TrendColumns : LevelCountColumns
{
    public int Year { get; set; }

    public string? ProvinceCode { get; set; }

    public string? ProvinceName { get; set; }
}

/// <summary>report_level_criteria: over all communes (no province), one province (no district) or one district.</summary>
internal sealed record CriterionRow(string? ProvinceCode, string? DistrictCode, string Criterion, int Blocking, int Missing);
