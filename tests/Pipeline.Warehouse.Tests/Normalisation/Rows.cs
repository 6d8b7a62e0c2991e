using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Normalisation;

namespace Pipeline.Warehouse.Tests.Normalisation;

/// <summary>Intake rows, keyings and indicator rules for the normaliser's tests, over the real shared unit files.</summary>
internal static class Rows
{
    private static readonly Lazy<ReferenceUnits> LazyUnits = new(() => new ReferenceUnits(AdminUnitFiles.Read(AdminUnitsCopy.Original)));

    public static ReferenceUnits Units => LazyUnits.Value;

    public static readonly UnitKeying Codes2024 = new(UnitKeyKind.Code, Era.Y2024, "2024 codes");
    public static readonly UnitKeying Codes2025 = new(UnitKeyKind.Code, Era.Y2025, "2025 codes");
    public static readonly UnitKeying Names2024 = new(UnitKeyKind.Name, Era.Y2024, "2024 names");
    public static readonly UnitKeying Agencies = new(UnitKeyKind.SourceId, Era.Y2025, "agency ids", UnitLabelShape.CommuneDashProvince);
    public static readonly UnitKeying Facilities = new(UnitKeyKind.SourceId, Era.Y2025, "facility codes", UnitLabelShape.FacilityInCommune);

    public static readonly IReadOnlyDictionary<string, IndicatorRule> Indicators = new[]
    {
        IndicatorRule.Parse("households_fibre", "stock", "sum"),
        IndicatorRule.Parse("ehealth_records", "stock", "sum"),
        IndicatorRule.Parse("emr", "stock", "share"),
        IndicatorRule.Parse("index766_total", "stock", "single"),
    }.ToDictionary(r => r.Indicator);

    public static Assembled Assemble(UnitKeying keying, string period, params IntakeRow[] rows) =>
        Assemble(keying, period, [], rows);

    public static Assembled Assemble(UnitKeying keying, string period, IReadOnlyList<UnitMapping> stewardMappings, params IntakeRow[] rows) =>
        new FactAssembler(Units, Indicators).Assemble(Period.Parse(period), new SourceUnitResolver(keying, Units, stewardMappings), rows);

    public static IntakeRow Count(UnitKeyKind kind, string key, decimal numerator, decimal? denominator = null, string indicator = "households_fibre", string? label = null, string stream = "s") =>
        new(stream, new UnitKey(kind, key, label), indicator, numerator, denominator, null, ValueUnit.Count, 1, $"line {key}", 7, Simulated: false);

    public static IntakeRow Flag(UnitKeyKind kind, string key, decimal value, string indicator, string? label = null) =>
        new("s", new UnitKey(kind, key, label), indicator, null, null, value, ValueUnit.Flag, 1, $"line {key}", 7, Simulated: true);

    public static IntakeRow Score(UnitKeyKind kind, string key, decimal value, string? label = null) =>
        new("s", new UnitKey(kind, key, label), "index766_total", null, 100, value, ValueUnit.Score, 1, $"line {key}", 7, Simulated: false);
}
