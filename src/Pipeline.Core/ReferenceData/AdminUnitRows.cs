using Pipeline.Core.Input;
using Pipeline.Core.Units;

namespace Pipeline.Core.ReferenceData;

/// <summary>The parsed files with their line numbers, as <see cref="AdminUnitChecks"/> needs them.</summary>
internal sealed record AdminUnitRows(
    CsvRows<AdminUnit> Units2024,
    CsvRows<AdminUnit> Units2025,
    CsvRows<CrosswalkEdge> Crosswalk,
    CsvRows<Population2025> Population2025,
    CsvRows<Census2019> Census2019,
    CsvRows<UnitTypeChange> TypeChanges);
