using System.Globalization;
using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Health;

/// <summary>
/// Builds the SIMULATED facility registry: one station (TYT) in every 2025 commune, about 1,650 hospitals (the
/// national count, SOURCES.md H2) placed by population with wards weighted up, and a regional polyclinic (PK) in
/// about one rural commune in seven. Codes are five characters: the two-digit prefix of the pre-2025 province the
/// commune mostly came from (codes were not renumbered by the reform) and a three-digit sequence, hospitals first.
/// </summary>
internal static class HealthRegistry
{
    private const double NationalHospitals = 1_650;

    private static readonly string[] HospitalKinds =
        ["Bệnh viện Đa khoa", "Bệnh viện Y học cổ truyền", "Bệnh viện Sản - Nhi", "Bệnh viện Mắt", "Bệnh viện Phục hồi chức năng"];

    /// <summary>Every facility, ordered by code (the order the API pages in).</summary>
    public static IReadOnlyList<HealthFacility> Build(SimulationData data)
    {
        var prefixOf = data.Units.Crosswalk
            .OrderBy(e => e.SourceRow)
            .GroupBy(e => e.NewCommuneCode)
            .ToDictionary(g => g.Key, g => g.First().OldProvinceCode);
        var communes = data.Communes2025.OrderBy(c => c.Unit.Code, StringComparer.Ordinal).ToList();
        var rate = NationalHospitals / data.Country2025.Sum(HospitalWeight);

        // Hospitals and clinics take the low sequence numbers of their prefix, stations follow.
        var unnumbered = new List<(string Prefix, string Name, string Kind, Commune Commune)>();
        foreach (var commune in communes)
        {
            var prefix = prefixOf.GetValueOrDefault(commune.Unit.Code, commune.Unit.ProvinceCode);
            var hospitals = (int)Math.Floor((rate * HospitalWeight(commune)) + StableRandom.Uniform("health-hospitals", commune.Unit.Code));
            for (var k = 0; k < hospitals; k++)
            {
                unnumbered.Add((prefix, HospitalName(commune, k), HealthFacility.Hospital, commune));
            }

            if (commune.Unit.Type == "Xã" && StableRandom.Chance(0.15, "health-clinic", commune.Unit.Code))
            {
                unnumbered.Add((prefix, $"Phòng khám đa khoa khu vực {commune.Unit.ShortName}", HealthFacility.Clinic, commune));
            }
        }

        unnumbered.AddRange(communes.Select(c =>
            (prefixOf.GetValueOrDefault(c.Unit.Code, c.Unit.ProvinceCode), $"Trạm Y tế {Lower(c.Unit.Name)}", HealthFacility.Station, c)));

        var facilities = new List<HealthFacility>();
        foreach (var group in unnumbered.GroupBy(f => f.Prefix))
        {
            var sequence = 0;
            foreach (var (prefix, name, kind, commune) in group.OrderBy(f => f.Kind == HealthFacility.Station))
            {
                if (++sequence > 999)
                {
                    throw new InvalidOperationException($"prefix {prefix} has more than 999 facilities; MA_CSKCB has three digits for them");
                }

                facilities.Add(new HealthFacility(string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:D3}"), name, kind, commune));
            }
        }

        return [.. facilities.OrderBy(f => f.Code, StringComparer.Ordinal)];
    }

    // Hospitals sit in towns: a ward weighs six times a rural commune of the same population.
    private static double HospitalWeight(Commune commune) =>
        commune.Population * commune.Unit.Type switch
        {
            "Phường" => 3.0,
            "Đặc khu" => 1.5,
            _ => 0.5,
        };

    private static string HospitalName(Commune commune, int k) =>
        k < HospitalKinds.Length
            ? $"{HospitalKinds[k]} {commune.Unit.ShortName}"
            : string.Create(CultureInfo.InvariantCulture, $"Bệnh viện Đa khoa {commune.Unit.ShortName} cơ sở {k - HospitalKinds.Length + 2}");

    // "Xã Đông Thái" -> "xã Đông Thái", as facility names write the unit type.
    private static string Lower(string name) => $"{char.ToLowerInvariant(name[0])}{name[1..]}";
}
