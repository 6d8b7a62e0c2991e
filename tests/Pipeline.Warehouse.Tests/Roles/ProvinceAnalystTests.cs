using Dapper;
using Npgsql;
using Pipeline.Core.Units;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Roles;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Roles;

/// <summary>
/// Row-level security in the analytics views: an analyst role limited to Quảng Ngãi (51) sees its communes and none
/// of Hà Nội's (01), for 2025 units and for the 2024 provinces merged into it; a national analyst sees both.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class ProvinceAnalystTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    // Roles are cluster-wide: a name of this run's own, dropped at the end.
    private readonly string _role = $"analyst_51_{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        await loaded.LoadIntoAsync(server);
        await using var connection = await loaded.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"create role {_role} nologin in role pipeline_analyst");
    }

    public async Task DisposeAsync()
    {
        await using var connection = await loaded.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("delete from ref.analyst_scope where role_name = @role", new { role = _role });
        await connection.ExecuteAsync($"drop role {_role}");
    }

    [Fact]
    public async Task AProvincesAnalyst_SeesItsProvince_AndNoRowOfAnother()
    {
        // 21025 is in Quảng Ngãi (51), 00004 in Hà Nội (01).
        await new LevelStore(loaded.DataSource, TimeProvider.System).SaveAsync(
            "rls_test", Era.Y2025, 2025, [new StoredLevel("21025", 1, 2, ["X.XHS.06"], []), new StoredLevel("00004", 2, 3, [], ["X.CQS.03"])], default);
        var added = await new AnalystScopes(loaded.DataSource, TimeProvider.System).RestrictAsync(_role, "51", "test", default);

        Assert.Contains(((short)2025, "51"), added);
        Assert.Contains(((short)2024, "51"), added); // Quảng Ngãi before the reform
        Assert.Contains(((short)2024, "62"), added); // Kon Tum, merged into it
        await using var connection = await loaded.DataSource.OpenConnectionAsync();
        Assert.Equal(["00004", "21025"], await LevelsAsync(connection));

        await connection.ExecuteAsync($"set role {_role}");
        Assert.Equal(["21025"], await LevelsAsync(connection));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from analytics.levels where province_code = '01'"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteScalarAsync<int>("select count(*) from internal.levels"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        await connection.ExecuteAsync("reset role");
    }

    [Fact]
    public async Task AnAnalystWithoutScope_SeesEveryProvince_AndCannotGrantItselfOne()
    {
        await new LevelStore(loaded.DataSource, TimeProvider.System).SaveAsync(
            "rls_national", Era.Y2025, 2025, [new StoredLevel("21025", 1, 2, [], []), new StoredLevel("00004", 2, 3, [], [])], default);
        await using var connection = await loaded.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("set role pipeline_analyst");

        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from analytics.levels where framework = 'rls_national'"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "insert into ref.analyst_scope values ('pipeline_analyst', 2025, '01', 'me', now())"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        await connection.ExecuteAsync("reset role");
    }

    private static async Task<List<string>> LevelsAsync(NpgsqlConnection connection) =>
        [.. await connection.QueryAsync<string>("select unit_code from analytics.levels where framework = 'rls_test' order by unit_code")];
}
