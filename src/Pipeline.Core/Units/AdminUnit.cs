namespace Pipeline.Core.Units;

/// <summary>One administrative unit of one era, as listed in units_2024.csv or units_2025.csv.</summary>
/// <param name="ParentCode">The province of a district, the district of a 2024 commune, the province of a 2025 commune; null for a province.</param>
/// <param name="DistrictCode">Set on 2024 districts (their own code) and 2024 communes; the 2025 map has no districts.</param>
public sealed record AdminUnit(
    Era Era,
    string Code,
    string Name,
    string ShortName,
    string Type,
    string TypeFull,
    UnitLevel Level,
    string? ParentCode,
    string ProvinceCode,
    string? DistrictCode,
    string NameAscii);
