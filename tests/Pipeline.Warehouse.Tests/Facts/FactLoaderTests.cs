using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.Units;
using Pipeline.Intake;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>
/// Intake records to facts on a real PostgreSQL with the shared units loaded. Each test uses a source name of its
/// own, so tests sharing the database never see each other's rows.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class FactLoaderTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period October = Period.Month(2025, 10);
    private static readonly Period November = Period.Month(2025, 11);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ASecondLoadOfTheSameIntake_ChangesNothing()
    {
        var source = Codes("rerun");
        await PullAsync(source, October, Record("00004", 10, 20), Record("00025", 3, 4), Record("99999", 1, 1));

        var first = await LoadAsync(source, October);
        var checksum = await ChecksumAsync(source.Name);
        var second = await LoadAsync(source, October);

        Assert.Equal(("succeeded", 3, 2, 0, 1), (first.Status, first.RowsRead, first.Inserted, first.Unchanged, first.Quarantined));
        Assert.Equal(("succeeded", 0, 2, 0, 0, 1, 0), (second.Status, second.Inserted, second.Unchanged, second.Revised, second.Withdrawn, second.Quarantined, second.Released));
        Assert.Equal(checksum, await ChecksumAsync(source.Name));
    }

    [Fact]
    public async Task ARevisionOfAnEarlierPeriod_ChangesOnlyThatFact_AndKeepsThePreviousValue()
    {
        var source = Codes("revision");
        await PullAsync(source, October, Record("00004", 10, 20), Record("00025", 3, 4));
        await PullAsync(source, November, Record("00004", 11, 20));
        await LoadAsync(source, October);
        await LoadAsync(source, November);
        var novemberBefore = await ChecksumAsync(source.Name, "2025-11");

        await PullAsync(source, October, Record("00004", 12, 20), Record("00025", 3, 4));
        var report = await LoadAsync(source, October);

        Assert.Equal((0, 1, 1), (report.Inserted, report.Revised, report.Unchanged));
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal((12m, 2), await connection.QuerySingleAsync<(decimal, int)>(
            "select numerator, revision from fact.value where source = @s and period = '2025-10' and unit_code = '00004'", new { s = source.Name }));
        Assert.Equal((10m, 1, "revised"), await connection.QuerySingleAsync<(decimal, int, string)>(
            "select numerator, revision, change from fact.value_revision where source = @s", new { s = source.Name }));
        Assert.Equal(novemberBefore, await ChecksumAsync(source.Name, "2025-11"));
    }

    [Fact]
    public async Task AQuarantinedId_IsPlacedByTheRetryAfterAStewardMapsIt()
    {
        var source = new SourceDescriptor(
            "retry_map", "ids", new UnitKeying(UnitKeyKind.SourceId, Era.Y2025, "ids", UnitLabelShape.CommuneDashProvince), PeriodKind.Month, ["s"]);
        await PullAsync(
            source,
            November,
            Record("A1", 5, 9, UnitKeyKind.SourceId, "UBND phường Ba Đình - thành phố Hà Nội"),
            Record("A2", 7, 9, UnitKeyKind.SourceId, "UBND trung tâm hành chính - thành phố Hà Nội"));

        var first = await LoadAsync(source, November);
        await using (var connection = await Db.OpenConnectionAsync())
        {
            Assert.Equal("unmatched_unit", await connection.ExecuteScalarAsync<string>(
                "select reason from fact.quarantine where source = @s and unit_key = 'A2' and released_at is null", new { s = source.Name }));
        }

        await new StewardMappings(Db, TimeProvider.System).MapAsync(
            new StewardMapping(source.Name, "source_id", "A2", Era.Y2025, "00008", "the agency list names it as the committee of phường Ngọc Hà", "test"),
            CancellationToken.None);

        var retry = await LoadAsync(source, November);

        Assert.Equal((1, 1), (first.Inserted, first.Quarantined));
        Assert.Equal((1, 1, 0, 1), (retry.Inserted, retry.Unchanged, retry.Quarantined, retry.Released));
        await using var check = await Db.OpenConnectionAsync();
        Assert.Equal(7m, await check.ExecuteScalarAsync<decimal>(
            "select numerator from fact.value where source = @s and unit_code = '00008'", new { s = source.Name }));
        Assert.Equal(1, await check.ExecuteScalarAsync<int>(
            "select count(*) from fact.quarantine where source = @s and released_at is not null and released_by_run = @run", new { s = source.Name, run = retry.LoadRunId }));
        Assert.Equal(("label", "00004"), await check.QuerySingleAsync<(string, string)>(
            "select method, unit_code from fact.unit_mapping where source = @s and unit_key = 'A1'", new { s = source.Name }));
    }

    [Fact]
    public async Task AFactNoLongerProduced_IsWithdrawn_IntoHistory()
    {
        var source = Codes("withdraw");
        await PullAsync(source, October, Record("00004", 10, 20));
        await LoadAsync(source, October);

        // The source now says the figure it gave belongs to a code that does not exist: it goes to quarantine.
        await using (var connection = await Db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update intake.record set unit_key = '99998' where source = @s", new { s = source.Name });
        }

        var report = await LoadAsync(source, October);

        Assert.Equal((1, 1), (report.Withdrawn, report.Quarantined));
        await using var check = await Db.OpenConnectionAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("select count(*) from fact.value where source = @s", new { s = source.Name }));
        Assert.Equal("withdrawn", await check.ExecuteScalarAsync<string>("select change from fact.value_revision where source = @s", new { s = source.Name }));
    }

    [Fact]
    public async Task ConcurrentLoadsOfTheSamePull_TakeTurns_AndTheSecondChangesNothing()
    {
        var source = Codes("concurrent");
        await using (var connection = await Db.OpenConnectionAsync())
        {
            var codes = await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2025 and level = 'commune' order by code limit 50");
            await PullAsync(source, October, [.. codes.Select(c => Record(c, 1, 100))]);
        }

        var reports = await Task.WhenAll(LoadAsync(source, October), LoadAsync(source, October));

        Assert.All(reports, r => Assert.Equal("succeeded", r.Status));
        Assert.Equal(reports.Sum(r => r.RowsRead) / 2, reports.Sum(r => r.Inserted));
        Assert.Equal(0, reports.Min(r => r.Inserted));
    }

    [Fact]
    public async Task ALoadLeftRunning_IsMarkedAbandoned_ByTheNextLoad()
    {
        var source = Codes("abandoned");
        await PullAsync(source, October, Record("00004", 1, 2));
        await using (var connection = await Db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "insert into fact.load_run (source, period, started_at, status) values (@s, '2025-10', now(), 'running')", new { s = source.Name });
        }

        await LoadAsync(source, October);

        await using var check = await Db.OpenConnectionAsync();
        var runs = (await check.QueryAsync<(string Status, string? Error)>(
            "select status, error from fact.load_run where source = @s order by load_run_id", new { s = source.Name })).ToList();
        Assert.Equal("failed", runs[0].Status);
        Assert.StartsWith("abandoned", runs[0].Error);
        Assert.Equal("succeeded", runs[1].Status);
    }

    [Fact]
    public async Task FactsOfThe2024Map_AreSummedOnto2025Communes_ForTrends()
    {
        var source = new SourceDescriptor("trend", "trend", new UnitKeying(UnitKeyKind.Code, Era.Y2024, "2024 codes"), PeriodKind.Quarter, ["s"]);
        var june = Period.Parse("2025-Q2");
        // Kim Anh (2025 00382) = Minh Trí (00382) + Minh Phú (00397) + Tân Dân (00415), all whole; Ngọc Hà (2025 00008)
        // took Liễu Giai (00008) whole and part of Cống Vị (00007), a split with no primary target.
        await PullAsync(source, june, Record("00382", 1, 2), Record("00397", 3, 4), Record("00415", 5, 6), Record("00008", 7, 8), Record("00007", 9, 10));
        await LoadAsync(source, june);

        await using var connection = await Db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Unit, decimal Numerator, decimal Denominator, bool Complete)>(
            "select unit_code, numerator, denominator, complete from analytics.indicator_values_2025_units where source = @s order by unit_code",
            new { s = source.Name })).ToList();

        Assert.Equal([("00008", 7m, 8m, false), ("00382", 9m, 12m, true)], rows);
    }

    private static SourceDescriptor Codes(string name) => FactsFromRecords.CodeSource(name);

    private static SourceRecord Record(string key, decimal numerator, decimal? denominator, UnitKeyKind kind = UnitKeyKind.Code, string? label = null) =>
        FactsFromRecords.Record(key, numerator, denominator, kind, label);

    private Task PullAsync(SourceDescriptor source, Period period, params SourceRecord[] records) =>
        FactsFromRecords.PullAsync(Db, source, period, records);

    private Task<LoadReport> LoadAsync(SourceDescriptor source, Period period) => FactsFromRecords.LoadAsync(Db, source, period);

    private async Task<string> ChecksumAsync(string source, string? period = null)
    {
        await using var connection = await Db.OpenConnectionAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "fact.value", "fact.value_revision", "fact.quarantine", "fact.unit_mapping" })
        {
            parts.Add(await connection.ExecuteScalarAsync<string>(
                $"select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from {table} t " +
                "where source = @source" + (period is null || table == "fact.unit_mapping" ? "" : " and period = @period"),
                new { source, period }) ?? "");
        }

        return string.Join('|', parts);
    }
}
