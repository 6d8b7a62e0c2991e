using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Maps the lines of population_2025.csv and population_2019_census.csv.</summary>
internal static class PopulationRows
{
    public static readonly string[] Header2025 =
        ["level", "code", "name", "province_code", "population", "area_km2", "admin_center", "lon", "lat", "before_merge_text", "source_name"];

    public static readonly string[] HeaderCensus =
    [
        "level", "code_2019", "province_name", "district_name", "commune_name", "match_method", "code_exists_2025_06",
        "population_total", "population_urban", "population_rural", "households_total", "households_urban", "households_rural",
    ];

    public static Population2025 Map2025(CsvLine line)
    {
        var level = Level(line);
        return new Population2025(
            level,
            line.Code("code", level.CodeLength()),
            line.Text("name"),
            line.Code("province_code", 2),
            line.OptionalLong("population"),
            line.OptionalDecimal("area_km2"),
            line.Text("admin_center"),
            line.OptionalDecimal("lon"),
            line.OptionalDecimal("lat"),
            line.Text("before_merge_text"),
            line.Text("source_name"));
    }

    public static Census2019 MapCensus(CsvLine line)
    {
        var level = Level(line);
        return new Census2019(
            checked((int)line.Number),
            level,
            line.OptionalCode("code_2019", level.CodeLength()),
            line.Text("province_name"),
            line.OptionalText("district_name"),
            line.OptionalText("commune_name"),
            line.Text("match_method"),
            line.OptionalFlag("code_exists_2025_06"),
            line.Long("population_total"),
            line.Long("population_urban"),
            line.Long("population_rural"),
            line.Long("households_total"),
            line.Long("households_urban"),
            line.Long("households_rural"));
    }

    private static UnitLevel Level(CsvLine line)
    {
        var text = line.Text("level");
        return UnitLevels.TryParse(text, out var level)
            ? level
            : throw new FieldException($"column level is '{text}', expected province, district or commune");
    }
}
