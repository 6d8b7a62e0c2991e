using Pipeline.Core.ReferenceData;
using Pipeline.Core.Units;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// The 2024 communes by code with their district and province: what a code-keyed operator line must name. Checking
/// that the three codes agree is not resolving anything; it tells a real 2024 commune from a mistyped one.
/// </summary>
internal sealed class CommuneCodes(IReadOnlyDictionary<string, (string District, string Province)> communes)
{
    public static CommuneCodes From(AdminUnitSet units) =>
        new(units.Units2024.Where(u => u.Level == UnitLevel.Commune).ToDictionary(u => u.Code, u => (u.DistrictCode!, u.ProvinceCode)));

    /// <summary>Null when the codes name a 2024 commune of that district and province, otherwise what is wrong.</summary>
    public string? Problem(string province, string district, string commune) =>
        !communes.TryGetValue(commune, out var parents) ? $"ma_xa '{commune}' is not a 2024 commune code"
        : parents.District != district || parents.Province != province
            ? $"ma_xa '{commune}' is a commune of district {parents.District}, province {parents.Province}, not of ma_huyen '{district}', ma_tinh '{province}'"
            : null;
}
