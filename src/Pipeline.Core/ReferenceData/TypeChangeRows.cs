using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Maps the lines of changes_after_2025-07-01.csv.</summary>
internal static class TypeChangeRows
{
    public static readonly string[] Header =
        ["code", "level", "province_code", "old_name", "new_name", "old_type", "new_type", "effective_date", "legal_basis"];

    public static UnitTypeChange Map(CsvLine line)
    {
        var levelText = line.Text("level");
        if (!UnitLevels.TryParse(levelText, out var level) || level == UnitLevel.District)
        {
            throw new FieldException($"column level is '{levelText}', expected province or commune");
        }

        return new UnitTypeChange(
            line.Code("code", level.CodeLength()),
            level,
            line.Code("province_code", 2),
            line.Text("old_name"),
            line.Text("new_name"),
            line.Text("old_type"),
            line.Text("new_type"),
            line.Date("effective_date"),
            line.Text("legal_basis"));
    }
}
