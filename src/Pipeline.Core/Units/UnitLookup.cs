using Pipeline.Core.ReferenceData;

namespace Pipeline.Core.Units;

/// <summary>The units of one era by code, and the communes of each 2024 district; built from the reference files.</summary>
public sealed class UnitLookup
{
    private readonly Dictionary<string, AdminUnit> _byCode;
    private readonly ILookup<string, AdminUnit> _communesByDistrict;

    public UnitLookup(Era era, IEnumerable<AdminUnit> units)
    {
        Era = era;
        _byCode = units.Where(u => u.Era == era).ToDictionary(u => u.Code, StringComparer.Ordinal);
        _communesByDistrict = _byCode.Values.Where(u => u.Level == UnitLevel.Commune && u.DistrictCode is not null)
            .ToLookup(u => u.DistrictCode!, StringComparer.Ordinal);
    }

    public Era Era { get; }

    public static UnitLookup For(Era era, AdminUnitSet set) => new(era, era == Era.Y2024 ? set.Units2024 : set.Units2025);

    public AdminUnit? Find(string code) => _byCode.GetValueOrDefault(code);

    public IEnumerable<AdminUnit> CommunesOf(string districtCode) => _communesByDistrict[districtCode];
}
