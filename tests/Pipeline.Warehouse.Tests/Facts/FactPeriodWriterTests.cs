using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>
/// The three ways a load writes a period (FactPeriodWriter): COPY into a period with no facts, nothing when the facts
/// have the digest the last load left, staging and the guarded merge otherwise. Each must leave exactly the rows the
/// merge alone would leave, with their lineage.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class FactPeriodWriterTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period October = Period.Month(2025, 10);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ANewPeriod_IsCopiedWhole_WithItsLineageAndTheRunsDigest()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        Fact[] facts = [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 3, 4), Fact("00070", indicator, run, 0, 9)];

        var counts = await new FactBulkMerge(Db, TimeProvider.System).MergeAsync("writer_new", October, facts, default);

        Assert.Equal(new FactMergeCounts(3, 3, 0, 0), counts);
        await using var connection = await Db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Unit, decimal Numerator, decimal Denominator, int Revision, string[] Refs, DateOnly End, long Run)>(
            "select unit_code, numerator, denominator, revision, record_refs, period_end, load_run_id from fact.value where source = 'writer_new' order by unit_code")).ToList();
        Assert.Equal(["00004", "00025", "00070"], rows.Select(r => r.Unit));
        Assert.Equal([10m, 3m, 0m], rows.Select(r => r.Numerator));
        Assert.All(rows, r => Assert.Equal((1, new DateOnly(2025, 10, 31)), (r.Revision, r.End)));
        Assert.Equal(["payload 1: 00025"], rows[1].Refs);
        var load = await connection.QuerySingleAsync<(long Id, int Inserted, byte[] Digest)>(
            "select load_run_id, facts_inserted, facts_digest from fact.load_run where source = 'writer_new'");
        Assert.Equal((rows[0].Run, 3), (load.Id, load.Inserted));
        Assert.Equal(FactDigest.Of(facts), load.Digest);
    }

    [Fact]
    public async Task TheSameFactsAgain_InAnotherOrderAndFromAnotherPayload_WriteNothing()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        Fact[] facts = [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 3, 4)];
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        await merge.MergeAsync("writer_same", October, facts, default);
        await using var connection = await Db.OpenConnectionAsync();
        const string Period = "(select * from fact.value where source = 'writer_same')";
        var before = await TableChecksum.OfAsync(connection, Period);

        var again = await merge.MergeAsync("writer_same", October, [.. facts.Reverse().Select(f => f with { RecordRefs = ["payload 2: again"] })], default);

        Assert.Equal(new FactMergeCounts(2, 0, 0, 0), again);
        Assert.Equal(before, await TableChecksum.OfAsync(connection, Period));
        Assert.Equal([(2, 0), (0, 2)], await connection.QueryAsync<(int, int)>(
            "select facts_inserted, facts_unchanged from fact.load_run where source = 'writer_same' order by load_run_id"));
    }

    [Fact]
    public async Task AFactRemovedByHand_IsRestoredByTheNextLoadOfTheSameFacts()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        Fact[] facts = [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 3, 4)];
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        await merge.MergeAsync("writer_cleared", October, facts, default);
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("delete from fact.value where source = 'writer_cleared' and unit_code = '00025'");

        var again = await merge.MergeAsync("writer_cleared", October, facts, default);

        Assert.Equal(new FactMergeCounts(2, 1, 0, 0), again);
        Assert.Equal(["00004", "00025"], await connection.QueryAsync<string>(
            "select unit_code from fact.value where source = 'writer_cleared' order by unit_code"));
    }

    [Fact]
    public async Task AValueChangedByHand_IsPutBackByTheNextLoadOfTheSameFacts()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        Fact[] facts = [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 3, 4)];
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        await merge.MergeAsync("writer_edited", October, facts, default);
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("update fact.value set numerator = 99 where source = 'writer_edited' and unit_code = '00025'");

        var again = await merge.MergeAsync("writer_edited", October, facts, default);

        Assert.Equal(new FactMergeCounts(2, 0, 1, 0), again);
        Assert.Equal(3m, await connection.ExecuteScalarAsync<decimal>(
            "select numerator from fact.value where source = 'writer_edited' and unit_code = '00025'"));
    }

    [Fact]
    public async Task ChangedFacts_AreMerged_RevisingAndWithdrawingOnlyWhatChanged()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        await merge.MergeAsync("writer_changed", October, [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 3, 4), Fact("00070", indicator, run, 1, 2)], default);

        var counts = await merge.MergeAsync("writer_changed", October, [Fact("00004", indicator, run, 10, 20), Fact("00025", indicator, run, 4, 4), Fact("00082", indicator, run, 5, 6)], default);

        Assert.Equal(new FactMergeCounts(3, 1, 1, 1), counts);
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal([("00004", 10m, 1), ("00025", 4m, 2), ("00082", 5m, 1)], await connection.QueryAsync<(string, decimal, int)>(
            "select unit_code, numerator, revision from fact.value where source = 'writer_changed' order by unit_code"));
        Assert.Equal([("00025", "revised"), ("00070", "withdrawn")], await connection.QueryAsync<(string, string)>(
            "select unit_code, change from fact.value_revision where source = 'writer_changed' order by unit_code"));

        // The merge left a digest too: the same set once more writes nothing.
        Assert.Equal(new FactMergeCounts(3, 0, 0, 0), await merge.MergeAsync(
            "writer_changed", October, [Fact("00082", indicator, run, 5, 6), Fact("00025", indicator, run, 4, 4), Fact("00004", indicator, run, 10, 20)], default));
    }

    [Fact]
    public async Task TheSameValuesFromTheSourceInsteadOfASimulator_AreNoLongerLabelledSimulated()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        await merge.MergeAsync("writer_simulated", October, [Fact("00004", indicator, run, 10, 20)], default);

        var counts = await merge.MergeAsync("writer_simulated", October, [Fact("00004", indicator, run, 10, 20) with { Simulated = false }], default);

        Assert.Equal(new FactMergeCounts(1, 0, 1, 0), counts);
        await using var connection = await Db.OpenConnectionAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("select simulated from fact.value where source = 'writer_simulated'"));
    }

    [Fact]
    public async Task AKeyGivenTwiceInANewPeriod_IsRefused_AndNothingIsStored()
    {
        var (indicator, run) = await IndicatorAndRunAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => new FactBulkMerge(Db, TimeProvider.System).MergeAsync(
            "writer_twice", October, [Fact("00004", indicator, run, 10, 20), Fact("00004", indicator, run, 11, 20)], default));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from fact.value where source = 'writer_twice'"));
    }

    [Fact]
    public async Task AUnitsFacts_AreReadThroughTheUnitIndex_OnTheFewPagesTheyWereWrittenTo()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        await using var connection = await Db.OpenConnectionAsync();
        var communes = (await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2025 and level = 'commune' order by code")).ToList();
        var merge = new FactBulkMerge(Db, TimeProvider.System);
        foreach (var month in new[] { 10, 11 })
        {
            await merge.MergeAsync("writer_unit", Period.Month(2025, month), [.. communes.Select(c => Fact(c, indicator, run, month, 20))], default);
        }

        // Vacuum summarises the pages the loads wrote (sql/0014).
        await connection.ExecuteAsync("vacuum analyze fact.value");
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local enable_seqscan = off; set local enable_indexscan = off", transaction: transaction);
        var plan = string.Join('\n', await connection.QueryAsync<string>(
            "explain (analyze, costs off, timing off) select numerator from fact.value where era = 2025 and unit_code = '00025' and source = 'writer_unit'",
            transaction: transaction));
        var found = await connection.QueryAsync<decimal>(
            "select numerator from fact.value where era = 2025 and unit_code = '00025' and source = 'writer_unit' order by period", transaction: transaction);

        Assert.Equal([10m, 11m], found);
        Assert.True(plan.Contains("Bitmap Index Scan on value_unit", StringComparison.Ordinal), plan);
        // The unit's facts of each load (and of the other tests' loads in this database) sit on a range of 8 pages:
        // a read by unit reads those ranges, not the table.
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(plan, @"Heap Blocks: lossy=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var tablePages = await connection.ExecuteScalarAsync<long>("select relpages from pg_class where oid = 'fact.value'::regclass", transaction: transaction);
        Assert.True(pages * 4 < tablePages, $"{pages} of {tablePages} pages read: {plan}");
    }

    private Task<(string Indicator, long Run)> IndicatorAndRunAsync() => BulkFacts.IndicatorAndRunAsync(Db, "writer_tests");

    private static Fact Fact(string unit, string indicator, long run, decimal numerator, decimal denominator) =>
        BulkFacts.Of(unit, indicator, run, numerator, denominator, $"payload 1: {unit}");
}
