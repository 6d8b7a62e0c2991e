using Dapper;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests;

/// <summary>The README's first command, end to end on a fresh database: what a newcomer sees must work.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class DemoCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Demo_PullsLoadsAndEvaluatesEveryCommune_AndWritesItsOutputs()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("demo");
        await using var db = WarehouseDataSource.Create(warehouse);
        var outDirectory = Directory.CreateTempSubdirectory("pipeline-demo-").FullName;

        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, "demo", "--out", outDirectory);

        Assert.True(exit == 0, $"demo exited {exit}: {error}");
        Assert.Contains("SIMULATED", output);
        var levels = await File.ReadAllLinesAsync(Path.Combine(outDirectory, "qd2361_levels_2025.csv"));
        Assert.Equal("unit_code,scope,level,attainable_level,blocking,missing", levels[0]);
        Assert.Equal(3_321, levels.Length - 1);
        // The stored levels are what `evaluate` gives on the stored inputs.
        var reproduced = Path.Combine(outDirectory, "reproduced.csv");
        var (evaluated, _, evaluateError) = await CliRun.RunAsync(
            "evaluate", "--framework", "qd2361", "--era", "2025", "--values", Path.Combine(outDirectory, "qd2361_inputs_2025.csv"), "--out", reproduced);
        Assert.True(evaluated == 0, evaluateError);
        Assert.Equal(levels.Order(StringComparer.Ordinal), (await File.ReadAllLinesAsync(reproduced)).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDirectory, "runs.csv")));
        Assert.True(File.Exists(Path.Combine(outDirectory, "quarantine.csv")));

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(6, await connection.ExecuteScalarAsync<long>("select count(distinct source) from fact.load_run where status = 'succeeded'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from intake.run where status <> 'succeeded'"));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select bool_and(simulated) from fact.value"));
        Assert.Equal(3_321, await connection.ExecuteScalarAsync<long>("select count(*) from fact.level where framework = 'qd2361' and year = 2025"));
    }
}
