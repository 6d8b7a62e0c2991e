using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Checks across rows and files: unique codes, parents that exist at the right level, crosswalk ends that exist, the published counts.</summary>
internal static class AdminUnitChecks
{
    public static void Run(AdminUnitRows files, AdminUnitCounts expected, ProblemList problems)
    {
        var units2024 = CheckUnits(files.Units2024, problems);
        var units2025 = CheckUnits(files.Units2025, problems);
        CheckCounts(files.Units2024, expected.Provinces2024, expected.Districts2024, expected.Communes2024, problems);
        CheckCounts(files.Units2025, expected.Provinces2025, districts: 0, expected.Communes2025, problems);
        CrosswalkChecks.Run(files.Crosswalk, units2024, units2025, expected, problems);

        foreach (var (row, line) in files.Population2025.WithLines())
        {
            RequireUnit(units2025, row.Code, row.Level, files.Population2025.File, line, problems);
        }

        foreach (var (row, line) in files.TypeChanges.WithLines())
        {
            RequireUnit(units2025, row.Code, row.Level, files.TypeChanges.File, line, problems);
        }

        CheckRowCount(files.Population2025.File, files.Population2025.Count, expected.Population2025Rows, problems);
        CheckRowCount(files.Census2019.File, files.Census2019.Count, expected.Census2019Rows, problems);
        CheckRowCount(files.TypeChanges.File, files.TypeChanges.Count, expected.TypeChanges, problems);
    }

    /// <summary>Checks codes are unique and every parent exists one level up; returns the units by code.</summary>
    private static Dictionary<string, AdminUnit> CheckUnits(CsvRows<AdminUnit> rows, ProblemList problems)
    {
        var byCode = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var (unit, line) in rows.WithLines())
        {
            if (!byCode.TryAdd(unit.Code, unit))
            {
                problems.Add(rows.File, line, $"code {unit.Code} appears twice");
            }
        }

        foreach (var (unit, line) in rows.WithLines())
        {
            var problem = ParentProblem(unit, byCode);
            if (problem is not null)
            {
                problems.Add(rows.File, line, problem);
            }
        }

        return byCode;
    }

    private static string? ParentProblem(AdminUnit unit, Dictionary<string, AdminUnit> byCode)
    {
        if (unit.Level == UnitLevel.Province)
        {
            return unit.ProvinceCode == unit.Code ? null : $"province {unit.Code} has province_code {unit.ProvinceCode}";
        }

        var parentLevel = unit.Level == UnitLevel.Commune && unit.Era == Era.Y2024 ? UnitLevel.District : UnitLevel.Province;
        if (!byCode.TryGetValue(unit.ParentCode!, out var parent) || parent.Level != parentLevel)
        {
            return $"parent_code {unit.ParentCode} of {unit.Level.ToText()} {unit.Code} is not a {parentLevel.ToText()} in this file";
        }

        var parentProvince = parent.Level == UnitLevel.Province ? parent.Code : parent.ProvinceCode;
        if (unit.ProvinceCode != parentProvince)
        {
            return $"province_code {unit.ProvinceCode} of {unit.Code} differs from its parent's province {parentProvince}";
        }

        var expectedDistrict = unit.Level == UnitLevel.District ? unit.Code : unit.ParentCode;
        return unit.DistrictCode is { } district && district != expectedDistrict
            ? $"district_code {district} of {unit.Code} should be {expectedDistrict}"
            : null;
    }

    private static void CheckCounts(CsvRows<AdminUnit> rows, int provinces, int districts, int communes, ProblemList problems)
    {
        CheckLevelCount(rows, UnitLevel.Province, provinces, problems);
        CheckLevelCount(rows, UnitLevel.District, districts, problems);
        CheckLevelCount(rows, UnitLevel.Commune, communes, problems);
    }

    private static void CheckLevelCount(CsvRows<AdminUnit> rows, UnitLevel level, int expected, ProblemList problems)
    {
        var actual = rows.Items.Count(u => u.Level == level);
        if (actual != expected)
        {
            problems.Add(rows.File, null, $"has {actual} {level.ToText()} rows; the data README states {expected}");
        }
    }

    internal static void CheckRowCount(string file, int actual, int expected, ProblemList problems)
    {
        if (actual != expected)
        {
            problems.Add(file, null, $"has {actual} rows; the data README states {expected}");
        }
    }

    internal static void RequireUnit(
        Dictionary<string, AdminUnit> units, string code, UnitLevel level, string file, long line, ProblemList problems)
    {
        if (!units.TryGetValue(code, out var unit) || unit.Level != level)
        {
            problems.Add(file, line, $"{level.ToText()} {code} is not in the unit list of its era");
        }
    }
}
