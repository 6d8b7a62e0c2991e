using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Emc;

/// <summary>
/// EMC's SIMULATED unit list: one unit per 2025 commune, with ids of EMC's own making so that nothing downstream can
/// read a statistics-office code out of them. Provinces are numbered 01-34 in alphabetical order of their ASCII
/// names; communes within a province in a seeded "registration order". Names are written as EMC writes agencies:
/// "UBND " and the commune's name, beside the province's full name.
/// </summary>
public sealed class EmcUnits
{
    private EmcUnits(IReadOnlyList<EmcUnit> all)
    {
        All = all;
        ById = all.ToDictionary(u => u.Id, StringComparer.Ordinal);
        ByCode = all.ToDictionary(u => u.Commune.Unit.Code, StringComparer.Ordinal);
    }

    /// <summary>Every unit, ordered by id (the order both endpoints answer in).</summary>
    public IReadOnlyList<EmcUnit> All { get; }

    public IReadOnlyDictionary<string, EmcUnit> ById { get; }

    /// <summary>The unit of a 2025 commune code (for tests that check the data against the commune behind it).</summary>
    public IReadOnlyDictionary<string, EmcUnit> ByCode { get; }

    public static EmcUnits From(IReadOnlyList<Commune> communes2025)
    {
        var provinceNumbers = communes2025
            .Select(c => c.Province)
            .DistinctBy(p => p.Code)
            .OrderBy(p => p.NameAscii, StringComparer.Ordinal)
            .Select((p, i) => (p.Code, Number: i + 1))
            .ToDictionary(p => p.Code, p => p.Number);
        var units = communes2025
            .GroupBy(c => c.Province.Code)
            .SelectMany(province => province
                .OrderBy(c => StableRandom.Uniform("emc-registration", c.Unit.Code))
                .Select((c, i) => new EmcUnit($"emc-{provinceNumbers[province.Key]:D2}-{i + 1:D5}", $"UBND {c.Unit.Name}", c.Province.Name, c)))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        return new EmcUnits(units);
    }
}

/// <summary>One EMC unit and the commune it stands for.</summary>
public sealed record EmcUnit(string Id, string Name, string ProvinceName, Commune Commune);
