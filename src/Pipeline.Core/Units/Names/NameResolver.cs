namespace Pipeline.Core.Units.Names;

/// <summary>
/// Resolves names as other systems write them to the unit codes of one era (SPEC section 4): the province first,
/// then (2024) the district within it, then the commune within that district (or province, 2025), never across.
/// At each step names are compared at three strengths (exact, toneless, ASCII; see <see cref="UnitName"/>) and the
/// first strength with any candidate decides: one candidate is a match; several, after keeping those whose type
/// agrees with a type word the name carried, are ambiguous and all listed. Nothing is guessed.
/// </summary>
public sealed class NameResolver
{
    private const int Strengths = 3;
    private readonly Era _era;
    private readonly Scope _provinces;
    private readonly Dictionary<string, Scope> _districtsByProvince;
    private readonly Dictionary<string, Scope> _communesByParent;

    public NameResolver(Era era, IEnumerable<AdminUnit> units)
    {
        _era = era;
        var list = units.Where(u => u.Era == era).ToList();
        _provinces = new Scope(list.Where(u => u.Level == UnitLevel.Province));
        _districtsByProvince = list.Where(u => u.Level == UnitLevel.District)
            .GroupBy(u => u.ProvinceCode).ToDictionary(g => g.Key, g => new Scope(g));

        // 2024 communes sit in districts; 2025 communes directly in provinces. A 2024 name without a district is
        // looked up among all of its province's communes.
        _communesByParent = list.Where(u => u.Level == UnitLevel.Commune)
            .SelectMany(u => u.DistrictCode is { } d ? new[] { (d, u), ("p" + u.ProvinceCode, u) } : [("p" + u.ProvinceCode, u)])
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => new Scope(g.Select(x => x.u)));
    }

    public NameResolution Resolve(string provinceName, string? districtName, string communeName)
    {
        var province = _provinces.Find(provinceName, UnitLevel.Province);
        if (province.Status != NameStatus.Matched)
        {
            return NameResolution.Unmatched($"province '{provinceName}' {Describe(province)}");
        }

        var parent = "p" + province.Code;
        if (_era == Era.Y2024 && !string.IsNullOrWhiteSpace(districtName))
        {
            var district = _districtsByProvince.TryGetValue(province.Code!, out var districts)
                ? districts.Find(districtName, UnitLevel.District)
                : NameResolution.Unmatched("no districts");
            if (district.Status != NameStatus.Matched)
            {
                return NameResolution.Unmatched($"district '{districtName}' {Describe(district)} in {province.Code}");
            }

            parent = district.Code!;
        }

        return _communesByParent.TryGetValue(parent, out var communes)
            ? communes.Find(communeName, UnitLevel.Commune)
            : NameResolution.Unmatched($"no communes under {parent}");
    }

    private static string Describe(NameResolution r) =>
        r.Status == NameStatus.Ambiguous ? $"fits {string.Join(';', r.Candidates)}" : "not found";

    /// <summary>The units of one parent, indexed by name key at each strength.</summary>
    private sealed class Scope
    {
        private readonly List<(AdminUnit Unit, UnitName Name)> _units;
        private readonly ILookup<string, int>[] _byKey = new ILookup<string, int>[Strengths];

        public Scope(IEnumerable<AdminUnit> units)
        {
            _units = [.. units.Select(u => (u, UnitName.Parse(u.Name, u.Level)))];
            for (var s = 0; s < Strengths; s++)
            {
                var strength = s;
                _byKey[s] = Enumerable.Range(0, _units.Count).ToLookup(i => _units[i].Name.Key(strength));
            }
        }

        public NameResolution Find(string text, UnitLevel level) =>
            Find(UnitName.Parse(text, level)) is { Status: not NameStatus.Unmatched } found
                ? found
                : Find(UnitName.Parse(text, level, readType: false));

        private NameResolution Find(UnitName name)
        {
            for (var s = 0; s < Strengths; s++)
            {
                var found = _byKey[s][name.Key(s)].Select(i => _units[i]).ToList();
                if (found.Count > 1 && name.Type is { } type && found.Any(f => TypeWords.Canonical(f.Unit.Type) == type))
                {
                    found = [.. found.Where(f => TypeWords.Canonical(f.Unit.Type) == type)];
                }

                if (found.Count == 1)
                {
                    return NameResolution.Matched(found[0].Unit.Code);
                }

                if (found.Count > 1)
                {
                    return NameResolution.Ambiguous([.. found.Select(f => f.Unit.Code).Order(StringComparer.Ordinal)]);
                }
            }

            return NameResolution.Unmatched("not found");
        }
    }
}
