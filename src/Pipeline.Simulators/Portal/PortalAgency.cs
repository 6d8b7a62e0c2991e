using Pipeline.Core.Units;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Portal;

/// <summary>
/// A SIMULATED portal agency: the people's committee of one 2025 commune, with the portal's own id, its name as the
/// portal writes it ("UBND xã Đông Thái - tỉnh An Giang") and an agency code shaped like QĐ 20/2020 codes
/// ("H01.187"). None of them is a GSO code, so mapping them to communes takes names, as with the real portal.
/// </summary>
public sealed record PortalAgency(string Id, string Name, string Code, Commune Commune)
{
    /// <summary>
    /// One agency per 2025 commune. Ids are six digits, a fixed permutation of the commune order (unique, not the
    /// GSO code in disguise). Province prefixes are the position of the 2025 province's name among the 63
    /// pre-2025 province names (An Giang H01, as in the real data; the 34 kept names fall within H01..H61); the
    /// commune part counts up within the province from 100 with seeded gaps, as real codes have.
    /// </summary>
    public static IReadOnlyList<PortalAgency> All(SimulationData data)
    {
        var oldProvinces = data.Units.Units2024.Where(u => u.Level == UnitLevel.Province)
            .Select(u => u.NameAscii).Order(StringComparer.Ordinal).ToList();
        var agencies = new List<PortalAgency>();
        var index = 0;
        foreach (var province in data.Communes2025.OrderBy(c => c.Unit.Code, StringComparer.Ordinal).GroupBy(c => c.Province.Code))
        {
            var prefix = oldProvinces.IndexOf(province.First().Province.NameAscii) + 1;
            var number = 100;
            foreach (var commune in province)
            {
                number += StableRandom.Chance(0.4, "portal-code-gap", commune.Unit.Code) ? 2 : 1;
                var id = 400_000 + (index++ * 7_919 % 100_000);
                agencies.Add(new PortalAgency(
                    id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"UBND {Lowered(commune.Unit)} - {Lowered(commune.Province)}",
                    $"H{prefix:D2}.{number:D3}",
                    commune));
            }
        }

        return [.. agencies.OrderBy(a => a.Code, StringComparer.Ordinal)];
    }

    // "Xã Đông Thái" -> "xã Đông Thái", "Thành phố Hà Nội" -> "thành phố Hà Nội": the portal writes the type word in lower case.
    private static string Lowered(AdminUnit unit) =>
        unit.Name.StartsWith(unit.Type, StringComparison.Ordinal)
            ? unit.Type.ToLowerInvariant() + unit.Name[unit.Type.Length..]
            : unit.Name;
}
