using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Simulators.Synthetic;

/// <summary>
/// The communes of both eras with population, households, region and readiness, built once from the shared
/// admin-units data and handed to every simulator. Populations come from population_2025.csv (2025 units) and the
/// 2019 census (2024 units, by code); a unit missing from those gets an estimate, flagged as such.
/// </summary>
public sealed class SimulationData
{
    private SimulationData(AdminUnitSet units, IReadOnlyList<Commune> communes2024, IReadOnlyList<Commune> communes2025, IReadOnlyList<Commune> country2025)
    {
        Units = units;
        Communes2024 = communes2024;
        Communes2025 = communes2025;
        Country2025 = country2025;
    }

    public AdminUnitSet Units { get; }

    public IReadOnlyList<Commune> Communes2024 { get; }

    public IReadOnlyList<Commune> Communes2025 { get; }

    /// <summary>Every 2025 commune of the country, also when only some provinces are simulated: national totals are spread over it.</summary>
    public IReadOnlyList<Commune> Country2025 { get; }

    public IReadOnlyList<Commune> CommunesOf(Era era) => era == Era.Y2024 ? Communes2024 : Communes2025;

    /// <param name="provinces">
    /// 2025 province codes to simulate (null: all): their communes, and the 2024 communes that became part of them. A
    /// demo or test on a few provinces runs in seconds; the sources then publish nothing for the other communes.
    /// </param>
    public static SimulationData From(AdminUnitSet units, IReadOnlySet<string>? provinces = null)
    {
        var census = units.Census2019
            .Where(c => c.Level == UnitLevel.Commune && c.Code2019 is not null && c.CodeExistsIn2024Units == true)
            .GroupBy(c => c.Code2019!)
            .ToDictionary(g => g.Key, g => g.First());
        var population2025 = units.Population2025
            .Where(p => p.Level == UnitLevel.Commune && p.Population is > 0)
            .ToDictionary(p => p.Code, p => p.Population!.Value);

        // An old commune without a census row gets its share of its (first) new commune's population.
        var predecessors = units.Crosswalk.Where(e => e.OldCommuneCode is not null).ToLookup(e => e.NewCommuneCode);
        var firstTarget = units.Crosswalk.Where(e => e.OldCommuneCode is not null)
            .GroupBy(e => e.OldCommuneCode!).ToDictionary(g => g.Key, g => g.First().NewCommuneCode);

        var communes2024 = Build(units.Units2024, code =>
            census.TryGetValue(code, out var c) ? (c.PopulationTotal, c.HouseholdsTotal, false)
            : firstTarget.TryGetValue(code, out var target) && population2025.TryGetValue(target, out var p)
                ? (p / Math.Max(1, predecessors[target].Count()), 0, true)
                : (0, 0, true));
        var communes2025 = Build(units.Units2025, code =>
            population2025.TryGetValue(code, out var p) ? (p, 0, false)
            : (predecessors[code].Sum(e => census.TryGetValue(e.OldCommuneCode!, out var c) ? c.PopulationTotal : 0), 0, true));
        if (provinces is null)
        {
            return new SimulationData(units, communes2024, communes2025, communes2025);
        }

        var chosen2025 = communes2025.Where(c => provinces.Contains(c.Province.Code)).ToList();
        var kept = chosen2025.Select(c => c.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var carriedInto = units.Crosswalk.Where(e => e.OldCommuneCode is not null && kept.Contains(e.NewCommuneCode))
            .Select(e => e.OldCommuneCode!).ToHashSet(StringComparer.Ordinal);
        return new SimulationData(units, [.. communes2024.Where(c => carriedInto.Contains(c.Unit.Code))], chosen2025, communes2025);
    }

    private static List<Commune> Build(IReadOnlyList<AdminUnit> units, Func<string, (long Population, long Households, bool Estimated)> population)
    {
        var byCode = units.ToDictionary(u => u.Code);
        var communes = new List<Commune>();
        foreach (var unit in units.Where(u => u.Level == UnitLevel.Commune))
        {
            var (people, households, estimated) = population(unit.Code);
            if (people <= 0)
            {
                // Nothing in the shared data at all: a typical commune of 8,000 people, varied by code.
                people = (long)StableRandom.Between(4_000, 12_000, "population", unit.Code);
                estimated = true;
            }

            var region = Regions.Of(unit.ProvinceCode);
            communes.Add(new Commune(
                unit,
                byCode[unit.ProvinceCode],
                unit.DistrictCode is { } d ? byCode[d] : null,
                people,
                households > 0 ? households : (long)Math.Round(people / 3.5),
                estimated,
                region,
                Readiness(unit, region)));
        }

        return communes;
    }

    private static double Readiness(AdminUnit unit, Region region)
    {
        var byType = unit.Type switch
        {
            "Phường" => 0.72,
            "Thị trấn" => 0.62,
            "Đặc khu" => 0.50,
            _ => 0.48,
        };
        var byRegion = region switch
        {
            Region.Mountains => -0.12,
            Region.Highlands => -0.07,
            Region.Deltas => 0.04,
            _ => 0.0,
        };
        var province = StableRandom.Between(-0.06, 0.06, "province-readiness", unit.ProvinceCode);
        var own = StableRandom.Between(-0.10, 0.10, "commune-readiness", unit.Era.ToString(), unit.Code);
        return Math.Clamp(byType + byRegion + province + own, 0.05, 0.98);
    }
}
