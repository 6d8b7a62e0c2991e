using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>Everything in the admin-units folder, parsed; <see cref="AdminUnitFiles.Read"/> validates it before returning it.</summary>
public sealed record AdminUnitSet(
    IReadOnlyList<AdminUnit> Units2024,
    IReadOnlyList<AdminUnit> Units2025,
    IReadOnlyList<CrosswalkEdge> Crosswalk,
    IReadOnlyList<Population2025> Population2025,
    IReadOnlyList<Census2019> Census2019,
    IReadOnlyList<UnitTypeChange> TypeChanges)
{
    public IEnumerable<AdminUnit> AllUnits => Units2024.Concat(Units2025);
}
