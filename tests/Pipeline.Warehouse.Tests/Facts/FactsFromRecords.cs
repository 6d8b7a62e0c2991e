using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Intake;
using Pipeline.Warehouse.Tests.Normalisation;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>Facts made the product's way for tests: records landed in intake by <see cref="FixedIntake"/>, then loaded.</summary>
internal static class FactsFromRecords
{
    /// <summary>A monthly source keyed by 2025 codes with one stream, "s".</summary>
    public static SourceDescriptor CodeSource(string name) =>
        new(name, name, new UnitKeying(UnitKeyKind.Code, Era.Y2025, "2025 codes"), PeriodKind.Month, ["s"]);

    public static SourceRecord Record(
        string key, decimal numerator, decimal? denominator, UnitKeyKind kind = UnitKeyKind.Code, string? label = null, string indicator = "households_fibre") =>
        new(new UnitKey(kind, key, label), indicator, "", numerator, denominator, null, ValueUnit.Count, $"line {key}");

    public static async Task PullAsync(NpgsqlDataSource db, SourceDescriptor source, Period period, params SourceRecord[] records)
    {
        var report = await new IntakeRunner(new PostgresIntakeStore(db, TimeProvider.System)).RunAsync(new FixedIntake(source, records), period, default);
        Assert.Equal("succeeded", report.Status);
    }

    public static Task<LoadReport> LoadAsync(NpgsqlDataSource db, SourceDescriptor source, Period period) =>
        new FactLoader(db, Rows.Units, TimeProvider.System).LoadAsync(source, period, default);
}
