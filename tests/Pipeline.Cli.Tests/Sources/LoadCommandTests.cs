using System.Diagnostics;
using Dapper;
using Npgsql;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Sources;

/// <summary>
/// `pull`, `load`, `runs` and `quarantine` as an operator runs them, against a real PostgreSQL and the VNeID
/// simulator, including a load whose process is killed in the middle of its merge.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class LoadCommandTests(PostgresServer server)
{
    [Fact]
    public async Task AKilledLoad_LeavesThePreviousFacts_AndTheNextLoadCompletesIt()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("killed_load");
        await using var db = WarehouseDataSource.Create(warehouse);
        await Succeeds(warehouse, "db", "migrate");
        await Succeeds(warehouse, "units", "load");
        await Succeeds(warehouse, "pull", "--source", "vneid", "--simulated", "--period", "2025-10", "--period", "2025-11");
        await Succeeds(warehouse, "load", "--source", "vneid", "--period", "2025-10");

        string before;
        await using (var blocker = await db.OpenConnectionAsync())
        {
            // Hold the fact table so the load stops inside its transaction, after staging, at its merge.
            await using var transaction = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("lock table fact.value in share mode", transaction: transaction);
            before = await TableChecksum.OfAsync(blocker, "fact.value");

            using var load = CliRun.Start(warehouse, "load", "--source", "vneid", "--period", "2025-11");
            await WaitUntilBlockedAsync(db, load);
            load.Kill(entireProcessTree: true);
            await load.WaitForExitAsync();

            Assert.Equal(before, await TableChecksum.OfAsync(blocker, "fact.value"));
            await transaction.RollbackAsync();
        }

        var rerun = await Succeeds(warehouse, "load", "--source", "vneid", "--period", "2025-11");

        await using var check = await db.OpenConnectionAsync();
        var (facts, numerators) = await check.QuerySingleAsync<(long, decimal)>(
            "select count(*), sum(numerator) from fact.value where source = 'vneid' and period = '2025-11'");
        var (records, intakeNumerators) = await check.QuerySingleAsync<(long, decimal)>(
            "select count(*), sum(numerator) from intake.record where source = 'vneid' and period = '2025-11'");
        Assert.Equal((records, intakeNumerators), (facts, numerators));
        Assert.Equal(16_605, records);
        Assert.Contains("succeeded", rerun);
        Assert.Equal(1, await check.ExecuteScalarAsync<int>(
            "select count(*) from fact.load_run where period = '2025-11' and status = 'failed' and error like 'abandoned%'"));

        var runs = await Succeeds(warehouse, "runs", "--source", "vneid");
        Assert.Contains("abandoned", runs);
        Assert.Equal(3, runs.Split('\n').Count(l => l.StartsWith("load ", StringComparison.Ordinal)));
        Assert.Equal(2, runs.Split('\n').Count(l => l.StartsWith("pull ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnitsMap_RefusesACodeThatIsNotACommuneOfTheEra_BeforeTouchingTheWarehouse()
    {
        var (exit, _, err) = await CliRun.RunAsync("units", "map", "--source", "portal", "--key", "400000", "--era", "2025", "--code", "01");

        Assert.Equal(2, exit);
        Assert.Contains("'01' is not a commune code of 2025", err);
    }

    private static async Task<string> Succeeds(string warehouse, params string[] args)
    {
        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, args);
        Assert.True(exit == 0, $"pipeline {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }

    private static async Task WaitUntilBlockedAsync(NpgsqlDataSource db, Process load)
    {
        // Its own connection: the blocker's transaction would see one cached snapshot of pg_stat_activity.
        await using var watcher = await db.OpenConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var blocked = await watcher.ExecuteScalarAsync<long>(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%fact.value%'");
            if (blocked > 0)
            {
                return;
            }

            if (load.HasExited)
            {
                Assert.Fail($"the load ended (exit {load.ExitCode}) before reaching its merge: {await load.StandardOutput.ReadToEndAsync()} {await load.StandardError.ReadToEndAsync()}");
            }
            await Task.Delay(100);
        }

        var activity = await watcher.QueryAsync<string>(
            "select coalesce(wait_event_type, '-') || '/' || coalesce(wait_event, '-') || ': ' || left(query, 80) from pg_stat_activity where datname = current_database()");
        Assert.Fail($"the load did not reach its merge within 60 s; sessions: {string.Join(" | ", activity)}");
    }
}
