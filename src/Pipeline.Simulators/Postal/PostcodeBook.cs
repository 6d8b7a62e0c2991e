using System.Globalization;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Postal;

/// <summary>
/// SIMULATED postcode registry: one 5-digit postcode per 2025 commune. The first two digits belong to the province
/// (10, 12, 14, ... in province-code order), the last three to the commune (100, 105, 110, ... in commune-code order),
/// so every postcode is unique and the same on every run. Only the shape is real (SOURCES.md O4, O13): the operator's
/// actual assignments are not used.
/// </summary>
internal sealed class PostcodeBook
{
    private PostcodeBook(IReadOnlyList<PostcodeEntry> entries, IReadOnlyList<PostalProvince> provinces)
    {
        Entries = entries;
        Provinces = provinces;
    }

    /// <summary>Every postcode, in postcode order (the registry's order).</summary>
    public IReadOnlyList<PostcodeEntry> Entries { get; }

    /// <summary>Provinces in postcode-prefix order, each with its communes: one export file each.</summary>
    public IReadOnlyList<PostalProvince> Provinces { get; }

    public static PostcodeBook From(SimulationData data)
    {
        // Each old commune that went into a new one had a service point of its own (a BĐ-VHX or a post office).
        var predecessors = data.Units.Crosswalk
            .Where(e => e.OldCommuneCode is not null)
            .GroupBy(e => e.NewCommuneCode)
            .ToDictionary(g => g.Key, g => g.Select(e => e.OldCommuneCode).Distinct().Count());

        var provinces = new List<PostalProvince>();
        foreach (var (group, index) in data.Communes2025.GroupBy(c => c.Province.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select((g, i) => (g, i)))
        {
            var prefix = (10 + (2 * index)).ToString("D2", CultureInfo.InvariantCulture);
            var entries = group.OrderBy(c => c.Unit.Code, StringComparer.Ordinal).Select((commune, rank) => new PostcodeEntry(
                prefix + (100 + (5 * rank)).ToString("D3", CultureInfo.InvariantCulture),
                commune,
                predecessors.GetValueOrDefault(commune.Unit.Code, 1),
                UpdatedAt(commune))).ToList();
            provinces.Add(new PostalProvince(prefix, group.First().Province.Name, entries));
        }

        return new PostcodeBook([.. provinces.SelectMany(p => p.Entries)], provinces);
    }

    // Postcodes were carried over to the new communes on 1 July 2025; a share were re-pointed when the commune post
    // offices opened on 1 September 2025 (SOURCES.md O6).
    private static DateTimeOffset UpdatedAt(Commune commune) =>
        StableRandom.Chance(0.12, "postal-registry", commune.Unit.Code)
            ? new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <param name="Predecessors">How many 2024 communes went into this one (at least 1).</param>
internal sealed record PostcodeEntry(string Postcode, Commune Commune, int Predecessors, DateTimeOffset UpdatedAt);

/// <param name="Prefix">The two leading digits of the province's postcodes; also names its export file.</param>
internal sealed record PostalProvince(string Prefix, string Name, IReadOnlyList<PostcodeEntry> Entries);
