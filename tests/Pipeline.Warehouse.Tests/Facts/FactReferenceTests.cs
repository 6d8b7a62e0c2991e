using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>
/// fact.value has no per-row foreign keys (sql/0013): the merge checks the staged set's references, and triggers on
/// the referenced tables refuse to remove what facts still point at. Both must hold as the foreign keys did.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class FactReferenceTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    private static readonly Period October = Period.Month(2025, 10);

    private NpgsqlDataSource Db => loaded.DataSource;

    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFactOfAnUnknownUnit_IsRefusedByName_AndNothingOfTheLoadIsStored()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        var merge = new FactBulkMerge(Db, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => merge.MergeAsync(
            "ref_unknown_unit", October, [Fact("00004", indicator, run, "payload 7: line 2"), Fact("99999", indicator, run, "payload 7: line 3")], default));

        Assert.Contains("no unit 2025/99999 in ref.admin_unit for the fact of payload 7: line 3", error.Message, StringComparison.Ordinal);
        await using var connection = await Db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from fact.value where source = 'ref_unknown_unit'"));
    }

    [Fact]
    public async Task AFactOfAnUnknownIndicatorOrRun_IsRefusedByName()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        var merge = new FactBulkMerge(Db, TimeProvider.System);

        var noIndicator = await Assert.ThrowsAsync<InvalidDataException>(() => merge.MergeAsync(
            "ref_unknown_indicator", October, [Fact("00004", "no_such_indicator", run, "payload 8: line 2")], default));
        var noRun = await Assert.ThrowsAsync<InvalidDataException>(() => merge.MergeAsync(
            "ref_unknown_run", October, [Fact("00004", indicator, -1, "payload 9: line 2")], default));

        Assert.Contains("no indicator no_such_indicator in fact.indicator for the fact of payload 8: line 2", noIndicator.Message, StringComparison.Ordinal);
        Assert.Contains("no intake run -1 for the fact of payload 9: line 2", noRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAUnitOrIndicatorThatFactsPointAt_Fails()
    {
        var (indicator, run) = await IndicatorAndRunAsync();
        await new FactBulkMerge(Db, TimeProvider.System).MergeAsync("ref_keep", October, [Fact("00025", indicator, run, "payload 10: line 2")], default);

        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var unit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "delete from ref.admin_unit where era = 2025 and code = '00025'", transaction: transaction));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, unit.SqlState);
        Assert.Contains("unit 2025/00025 is still referenced by facts", unit.MessageText, StringComparison.Ordinal);
        await transaction.RollbackAsync();

        await using var again = await connection.BeginTransactionAsync();
        var removed = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "delete from fact.indicator where indicator = @indicator", new { indicator }, again));
        Assert.Contains($"indicator {indicator} is still referenced by facts", removed.MessageText, StringComparison.Ordinal);
    }

    private Task<(string Indicator, long Run)> IndicatorAndRunAsync() => BulkFacts.IndicatorAndRunAsync(Db, "ref_tests");

    private static Fact Fact(string unit, string indicator, long run, string recordRef) => BulkFacts.Of(unit, indicator, run, 5, 10, recordRef);
}
