using Dapper;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Levels;

[Collection(WarehouseCollection.Name)]
public sealed class LevelStoreTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnUnchangedEvaluation_WritesNothing_AndAChangedLevel_IsAuditedWithOldAndNew()
    {
        var store = new LevelStore(loaded.DataSource, TimeProvider.System);
        StoredLevel[] first = [new("00004", 1, 2, ["X.XHS.06"], ["X.CQS.03"]), new("00008", 0, 0, [], ["X.CQS.03"])];

        var stored = await store.SaveAsync("test-framework", Era.Y2025, 2025, first, default);
        var again = await store.SaveAsync("test-framework", Era.Y2025, 2025, first, default);
        var restated = await store.SaveAsync("test-framework", Era.Y2025, 2025, [first[0] with { Level = 2, Blocking = [] }, first[1]], default);

        Assert.Equal((2, 0, 1), (stored, again, restated));
        await using var connection = await loaded.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "select level from fact.level where framework = 'test-framework' and unit_code = '00004'"));
        var changes = (await connection.QueryAsync<(int? Old, int New)>(
            "select old_level, new_level from fact.level_change where framework = 'test-framework' and unit_code = '00004' order by changed_at")).ToList();
        Assert.Equal([(null, 1), (1, 2)], changes);
    }
}
