namespace Pipeline.Core.Units;

/// <summary>Population and area of a 2025 unit (sapnhap.bando.com.vn; approximate, see the data README).</summary>
/// <param name="Population">Null for the 70 communes the site lists as "đang cập nhật".</param>
public sealed record Population2025(
    UnitLevel Level,
    string Code,
    string Name,
    string ProvinceCode,
    long? Population,
    decimal? AreaKm2,
    string AdminCenter,
    decimal? Longitude,
    decimal? Latitude,
    string BeforeMergeText,
    string SourceName);

/// <summary>One row of the 2019 census on 2019 units; codes were matched by name, so some are missing or repeated.</summary>
public sealed record Census2019(
    int SourceLine,
    UnitLevel Level,
    string? Code2019,
    string ProvinceName,
    string? DistrictName,
    string? CommuneName,
    string MatchMethod,
    bool? CodeExistsIn2024Units,
    long PopulationTotal,
    long PopulationUrban,
    long PopulationRural,
    long HouseholdsTotal,
    long HouseholdsUrban,
    long HouseholdsRural);

/// <summary>A change of type or name on the 2025 map after 2025-07-01 (codes unchanged).</summary>
public sealed record UnitTypeChange(
    string Code,
    UnitLevel Level,
    string ProvinceCode,
    string OldName,
    string NewName,
    string OldType,
    string NewType,
    DateOnly EffectiveDate,
    string LegalBasis);
