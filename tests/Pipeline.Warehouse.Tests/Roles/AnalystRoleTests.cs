using Dapper;
using Npgsql;
using Pipeline.Warehouse.Tests.AdminUnits;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Roles;

/// <summary>pipeline_analyst reads the analytics views and nothing else, and writes nowhere.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class AnalystRoleTests(PostgresServer server, LoadedUnits loaded) : IClassFixture<LoadedUnits>, IAsyncLifetime
{
    public Task InitializeAsync() => loaded.LoadIntoAsync(server);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Analyst_ReadsTheViews()
    {
        await using var connection = await OpenAsAnalystAsync();

        Assert.Equal(13_356L, await connection.ExecuteScalarAsync<long>("select count(*) from analytics.admin_units where level = 'commune'"));
    }

    [Theory]
    [InlineData("insert into ref.admin_unit (era, code, name, short_name, type, type_full, level, province_code, name_ascii) values (2025, '99', 'x', 'x', 'Tỉnh', 'Tỉnh', 'province', '99', 'x')")]
    [InlineData("update ref.crosswalk set merge_type = 'full'")]
    [InlineData("delete from ref.population_2025")]
    [InlineData("select count(*) from ref.admin_unit")]
    [InlineData("delete from analytics.commune_crosswalk")]
    [InlineData("create table analytics.scratch (x int)")]
    [InlineData("create table public.scratch (x int)")]
    public async Task Analyst_CannotWrite_NorReadTheTablesBehindTheViews(string sql)
    {
        await using var connection = await OpenAsAnalystAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    /// <summary>The test server's user is a superuser; SET ROLE drops to exactly the analyst's privileges.</summary>
    private async Task<NpgsqlConnection> OpenAsAnalystAsync()
    {
        var connection = await loaded.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("set role pipeline_analyst");
        return connection;
    }
}
