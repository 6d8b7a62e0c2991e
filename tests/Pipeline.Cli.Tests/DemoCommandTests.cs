using Dapper;
using Npgsql;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests;

/// <summary>The README's first command, end to end on a fresh database: what a newcomer sees must work.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class DemoCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Demo_PullsLoadsAndEvaluatesEveryCommune_AndWritesItsOutputs()
    {
        var db = await server.CreateDatabaseAsync("demo");
        var warehouse = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database }.ConnectionString;
        var outDirectory = Directory.CreateTempSubdirectory("pipeline-demo-").FullName;

        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, "demo", "--out", outDirectory);

        Assert.True(exit == 0, $"demo exited {exit}: {error}");
        Assert.Contains("SIMULATED", output);
        var levels = await File.ReadAllLinesAsync(Path.Combine(outDirectory, "qd2361_levels_2025.csv"));
        Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing", levels[0]);
        Assert.Equal(3_321, levels.Length - 1);
        Assert.True(File.Exists(Path.Combine(outDirectory, "runs.csv")));
        Assert.True(File.Exists(Path.Combine(outDirectory, "quarantine.csv")));

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("select count(distinct source) from fact.load_run where status = 'succeeded'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from intake.run where status <> 'succeeded'"));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select bool_and(simulated) from fact.value"));
        Assert.Equal(3_321, await connection.ExecuteScalarAsync<long>("select count(*) from fact.level where framework = 'qd2361' and year = 2025"));
    }
}
