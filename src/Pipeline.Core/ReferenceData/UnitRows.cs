using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Maps the lines of units_2024.csv and units_2025.csv.</summary>
internal static class UnitRows
{
    public static readonly string[] Header2024 =
        ["code", "name", "short_name", "type", "type_full", "level", "parent_code", "province_code", "district_code", "name_ascii"];

    public static readonly string[] Header2025 =
        ["code", "name", "short_name", "type", "type_full", "level", "parent_code", "province_code", "name_ascii"];

    public static AdminUnit Map2024(CsvLine line)
    {
        var level = Level(line, Era.Y2024);
        return new AdminUnit(
            Era.Y2024,
            line.Code("code", level.CodeLength()),
            line.Text("name"),
            line.Text("short_name"),
            line.Text("type"),
            line.Text("type_full"),
            level,
            level switch
            {
                UnitLevel.Province => Empty(line, "parent_code"),
                UnitLevel.District => line.Code("parent_code", 2),
                _ => line.Code("parent_code", 3),
            },
            line.Code("province_code", 2),
            level == UnitLevel.Province ? Empty(line, "district_code") : line.Code("district_code", 3),
            line.Text("name_ascii"));
    }

    public static AdminUnit Map2025(CsvLine line)
    {
        var level = Level(line, Era.Y2025);
        return new AdminUnit(
            Era.Y2025,
            line.Code("code", level.CodeLength()),
            line.Text("name"),
            line.Text("short_name"),
            line.Text("type"),
            line.Text("type_full"),
            level,
            level == UnitLevel.Province ? Empty(line, "parent_code") : line.Code("parent_code", 2),
            line.Code("province_code", 2),
            DistrictCode: null,
            line.Text("name_ascii"));
    }

    private static UnitLevel Level(CsvLine line, Era era)
    {
        var text = line.Text("level");
        if (!UnitLevels.TryParse(text, out var level) || (era == Era.Y2025 && level == UnitLevel.District))
        {
            var allowed = era == Era.Y2024 ? "province, district or commune" : "province or commune (the 2025 map has no districts)";
            throw new FieldException($"column level is '{text}', expected {allowed}");
        }

        return level;
    }

    private static string? Empty(CsvLine line, string column) =>
        line.OptionalText(column) is { } value ? throw new FieldException($"column {column} is '{value}', expected empty at this level") : null;
}
