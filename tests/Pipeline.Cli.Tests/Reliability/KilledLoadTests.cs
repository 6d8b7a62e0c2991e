using System.Diagnostics;
using Dapper;
using Npgsql;
using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Tests.Reliability;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Reliability scenario 7, first half: "worker process killed mid-load: no partial rows; the job is retried and the
/// result equals a clean run." Two warehouses pull the same simulated VNeID month. In one, `pipeline load` runs
/// undisturbed. In the other, the process is killed while its merge waits on a lock, and the load is run again. The
/// killed load leaves no fact, and the rerun's facts equal the clean run's, row for row. LoadCommandTests covers the
/// same kill against a month already loaded, and the run history.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class KilledLoadTests(PostgresServer server)
{
    private static readonly string[] Pull = ["pull", "--source", "vneid", "--simulated", "--period", "2025-11"];
    private static readonly string[] Load = ["load", "--source", "vneid", "--period", "2025-11"];

    [Fact]
    public async Task AKilledLoad_LeavesNoFact_AndItsRetryEqualsACleanLoad_RowForRow()
    {
        var clean = await PulledWarehouseAsync("killed_clean");
        var killed = await PulledWarehouseAsync("killed_retry");
        await Succeeds(clean, Load);
        await using var db = WarehouseDataSource.Create(killed);

        await using (var blocker = await db.OpenConnectionAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("lock table fact.value in share mode", transaction: transaction);
            using var load = CliRun.Start(killed, Load);
            await WaitUntilBlockedAsync(db, load);
            load.Kill(entireProcessTree: true);
            await load.WaitForExitAsync();
            await transaction.RollbackAsync();
        }

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from fact.value"));
        await Succeeds(killed, Load);

        await using var cleanDb = WarehouseDataSource.Create(clean);
        await using var cleanConnection = await cleanDb.OpenConnectionAsync();
        var expected = await SourceState.ContentAsync(cleanConnection, "vneid");
        Assert.StartsWith("facts 16605:", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await SourceState.ContentAsync(connection, "vneid"));
    }

    private async Task<string> PulledWarehouseAsync(string purpose)
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync(purpose);
        await Succeeds(warehouse, "db", "migrate");
        await Succeeds(warehouse, "units", "load");
        await Succeeds(warehouse, Pull);
        return warehouse;
    }

    private static async Task Succeeds(string warehouse, params string[] args)
    {
        var (exit, _, error) = await CliRun.RunWithWarehouseAsync(warehouse, args);
        Assert.True(exit == 0, $"pipeline {string.Join(' ', args)} exited {exit}: {error}");
    }

    private static async Task WaitUntilBlockedAsync(NpgsqlDataSource db, Process load)
    {
        await using var watcher = await db.OpenConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await watcher.ExecuteScalarAsync<long>(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%fact.value%'") > 0)
            {
                return;
            }

            Assert.False(load.HasExited, $"the load ended (exit {(load.HasExited ? load.ExitCode : 0)}) before reaching its merge");
            await Task.Delay(100);
        }

        Assert.Fail("the load did not reach its merge within 60 s");
    }
}
