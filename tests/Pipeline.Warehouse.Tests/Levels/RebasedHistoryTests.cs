using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Levels;

/// <summary>
/// Criterion values of a year before the reform on both maps (sql/0012): on 2025 communes from values rebased
/// through the crosswalk, on 2024 communes as measured. The year, 2023, is used by no other test of the database.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class RebasedHistoryTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly SourceDescriptor Operator =
        new("history", "history", new UnitKeying(UnitKeyKind.Code, Era.Y2024, "2024 codes"), PeriodKind.Quarter, ["s"]);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A2023Criterion_OnThe2025Map_SumsPredecessors_AndLeavesOutACommuneTouchedByAnUndividedSplit()
    {
        // Kim Anh (2025 00382) = Minh Trí (00382) + Minh Phú (00397) + Tân Dân (00415), all whole; Ngọc Hà (2025 00008)
        // took Liễu Giai (00008) whole and part of Cống Vị (00007), a split with no primary target.
        var quarter = Period.Parse("2023-Q4");
        await FactsFromRecords.PullAsync(
            Db, Operator, quarter,
            FactsFromRecords.Record("00382", 1, 2), FactsFromRecords.Record("00397", 3, 4), FactsFromRecords.Record("00415", 5, 6),
            FactsFromRecords.Record("00008", 7, 8), FactsFromRecords.Record("00007", 9, 10));
        Assert.Equal(5, (await FactsFromRecords.LoadAsync(Db, Operator, quarter)).Inserted);

        await using var connection = await Db.OpenConnectionAsync();
        var rebased = (await connection.QueryAsync<(string Unit, decimal Numerator, decimal Denominator, bool Complete, short MeasuredOnEra)>(
            "select unit_code, numerator, denominator, complete, measured_on_era from analytics.resolved_values_2025_units"
            + " where source = 'history' and period = '2023-Q4' order by unit_code")).ToList();
        var on2025 = (await connection.QueryAsync<(string Unit, decimal Value, decimal Denominator)>(
            "select unit_code, value, denominator from analytics.criterion_values_qd2361 where era = 2025 and year = 2023 and criterion = 'X.XHS.02' order by unit_code")).ToList();
        var on2024 = (await connection.QueryAsync<(string Unit, decimal Value, decimal Denominator)>(
            "select unit_code, value, denominator from analytics.criterion_values_qd2361 where era = 2024 and year = 2023 and criterion = 'X.XHS.02' order by unit_code")).ToList();
        var year = await connection.QuerySingleAsync<(decimal Numerator, bool Complete, bool Rebased)>(
            "select numerator, complete, rebased from internal.resolved_years where era = 2025 and unit_code = '00382' and year = 2023 and measure = 'households_fibre'");

        Assert.Equal([("00008", 7m, 8m, false, (short)2024), ("00382", 9m, 12m, true, (short)2024)], rebased);
        Assert.Equal([("00382", 9m, 12m)], on2025);
        Assert.Equal([("00007", 9m, 10m), ("00008", 7m, 8m), ("00382", 1m, 2m), ("00397", 3m, 4m), ("00415", 5m, 6m)], on2024);
        Assert.Equal((9m, true, true), year);
    }

    [Fact]
    public async Task TheCriterionView_ListsOnlyThe2025MapAfterTheReform()
    {
        // A 2024-era period of 2025 (before 1 July) counts in 2025 on the 2025 map, never as a 2025 year on the 2024 map.
        var quarter = Period.Parse("2025-Q1");
        var source = Operator with { Name = "history_2025" };
        await FactsFromRecords.PullAsync(
            Db, source, quarter, FactsFromRecords.Record("00382", 1, 2), FactsFromRecords.Record("00397", 3, 4), FactsFromRecords.Record("00415", 5, 6));
        Assert.Equal(3, (await FactsFromRecords.LoadAsync(Db, source, quarter)).Inserted);

        await using var connection = await Db.OpenConnectionAsync();
        var folded = (await connection.QueryAsync<short>(
            "select distinct era from internal.resolved_years where unit_code = '00382' and year = 2025 and measure = 'households_fibre' order by era")).ToList();
        var criteria = (await connection.QueryAsync<(short Era, string Unit, decimal Value, decimal Denominator)>(
            "select era, unit_code, value, denominator from analytics.criterion_values_qd2361 where year = 2025 and criterion = 'X.XHS.02' order by era, unit_code")).ToList();

        // Folded on both maps (analysts may look at 2025's first half on the old communes), assessed on the new one only.
        Assert.Equal([(short)2024, (short)2025], folded);
        Assert.Equal([((short)2025, "00382", 9m, 12m)], criteria);
    }
}
