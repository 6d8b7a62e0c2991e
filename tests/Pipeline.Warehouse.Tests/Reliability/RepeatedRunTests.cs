using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Facts;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// Reliability scenario 6: "the same (source, period) run twice, and twice concurrently: 0 rows change, identical
/// checksum." A run is the pull into intake followed by the load into facts. Twice in a row: the second writes no
/// row (checksums include each row's xmin, so even a same-value rewrite would show). Twice at once: the advisory
/// locks make the runs take turns, one of them writes nothing, and the result equals one clean run of the same
/// records. Each test has source names of its own.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class RepeatedRunTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period October = Period.Month(2025, 10);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheSameRunTwice_WritesNoRowTheSecondTime()
    {
        var source = FactsFromRecords.CodeSource("twice_sequential");
        var records = await RecordsAsync();

        await RunAsync(source, records);
        var before = await WrittenAsync(source);
        var again = await RunAsync(source, records);

        Assert.Equal(("succeeded", 0, 0, 0, 0), (again.Status, again.Inserted, again.Revised, again.Withdrawn, again.Released));
        Assert.Equal(records.Length - 1, again.Unchanged);
        Assert.Equal(before, await WrittenAsync(source));
    }

    [Fact]
    public async Task TheSameRunTwiceAtOnce_TakesTurns_AndEndsEqualToOneCleanRun()
    {
        var clean = FactsFromRecords.CodeSource("twice_clean");
        var raced = FactsFromRecords.CodeSource("twice_raced");
        var records = await RecordsAsync();
        await RunAsync(clean, records);

        var reports = await Task.WhenAll(Task.Run(() => RunAsync(raced, records)), Task.Run(() => RunAsync(raced, records)));

        Assert.All(reports, r => Assert.Equal("succeeded", r.Status));
        // One run placed every record; the other, waiting on the lock, found them there and wrote nothing.
        Assert.Equal([0, records.Length - 1], reports.Select(r => r.Inserted).Order());
        Assert.Equal((0, 0), (reports.Sum(r => r.Revised), reports.Sum(r => r.Withdrawn)));
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(await SourceState.ContentAsync(connection, clean.Name), await SourceState.ContentAsync(connection, raced.Name));
        Assert.Equal(records.Length, await connection.ExecuteScalarAsync<int>("select count(*) from intake.record where source = @s", new { s = raced.Name }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from fact.load_run where source = @s and status <> 'succeeded'", new { s = raced.Name }));

        // And a third run, after both, changes nothing.
        var written = await WrittenAsync(raced);
        var third = await RunAsync(raced, records);
        Assert.Equal((0, 0, 0), (third.Inserted, third.Revised, third.Withdrawn));
        Assert.Equal(written, await WrittenAsync(raced));
    }

    /// <summary>Fifty Hà Nội communes and one code that is no commune (quarantined), so quarantine is repeated too.</summary>
    private async Task<SourceRecord[]> RecordsAsync()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var codes = await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2025 and level = 'commune' and province_code = '01' order by code limit 50");
        return [.. codes.Select((c, i) => FactsFromRecords.Record(c, i + 1, 100)), FactsFromRecords.Record("99999", 1, 1)];
    }

    private async Task<LoadReport> RunAsync(SourceDescriptor source, SourceRecord[] records)
    {
        await FactsFromRecords.PullAsync(Db, source, October, records);
        return await FactsFromRecords.LoadAsync(Db, source, October);
    }

    private async Task<string> WrittenAsync(SourceDescriptor source)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await SourceState.WrittenAsync(connection, source.Name);
    }
}
