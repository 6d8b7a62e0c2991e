using System.Diagnostics;
using Dapper;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Core.Tests.Support;
using Pipeline.Intake;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Facts;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Facts;

namespace Pipeline.Warehouse.Tests.Reliability;

/// <summary>
/// Reliability scenario 7, second half: "PostgreSQL restarted mid-run: no partial rows; the job is retried and the
/// result equals a clean run." On a private cluster (<see cref="PrivateCluster"/>), a load is held inside its merge
/// transaction (another session locks fact.value) and the server is restarted under it. The load fails, not a row of
/// it is left, and the retry marks the dead run abandoned and ends equal to a clean load of the same records. (The
/// first half, a worker process killed mid-load, is LoadCommandTests.AKilledLoad_LeavesThePreviousFacts_AndTheNextLoadCompletesIt.)
/// </summary>
public sealed class ServerRestartTests
{
    private static readonly Period October = Period.Month(2025, 10);

    [Fact]
    public async Task AServerRestartedUnderALoad_LeavesNoPartialRow_AndTheRetryEqualsACleanLoad()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        await using var db = await FreshWarehouseAsync(await cluster.CreateDatabaseAsync("restart"));
        var clean = FactsFromRecords.CodeSource("restart_clean");
        var interrupted = FactsFromRecords.CodeSource("restart_interrupted");
        var records = await RecordsAsync(db);
        await FactsFromRecords.PullAsync(db, clean, October, records);
        await FactsFromRecords.PullAsync(db, interrupted, October, records);
        Assert.Equal(records.Length, (await FactsFromRecords.LoadAsync(db, clean, October)).Inserted);

        Task<LoadReport> load;
        await using (var blocker = await db.OpenConnectionAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("lock table fact.value in share mode", transaction: transaction);
            load = Task.Run(() => FactsFromRecords.LoadAsync(db, interrupted, October));
            await WaitUntilBlockedAsync(db, load);

            await cluster.RestartAsync();
        }

        // The load's session died with the server: it fails, and nothing of its transaction was kept.
        var ended = await EndOfAsync(load);
        Assert.True(ended is "failed" || ended.StartsWith(nameof(NpgsqlException), StringComparison.Ordinal), $"the interrupted load ended: {ended}");
        db.Clear();
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from fact.value where source = @s", new { s = interrupted.Name }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from fact.quarantine where source = @s", new { s = interrupted.Name }));
        Assert.Equal("running", await connection.ExecuteScalarAsync<string>("select status from fact.load_run where source = @s", new { s = interrupted.Name }));

        var retry = await FactsFromRecords.LoadAsync(db, interrupted, October);

        Assert.Equal(("succeeded", records.Length), (retry.Status, retry.Inserted));
        Assert.Equal(await SourceState.ContentAsync(connection, clean.Name), await SourceState.ContentAsync(connection, interrupted.Name));
        Assert.StartsWith("abandoned", await connection.ExecuteScalarAsync<string>(
            "select error from fact.load_run where source = @s and status = 'failed'", new { s = interrupted.Name }));
    }

    /// <summary>The load's status, or the type and message of what it threw.</summary>
    private static async Task<string> EndOfAsync(Task<LoadReport> load)
    {
        try
        {
            return (await load).Status;
        }
        catch (NpgsqlException e)
        {
            return $"{nameof(NpgsqlException)}: {e.Message}";
        }
    }

    /// <summary>The private cluster's database, migrated, with the admin units.</summary>
    private static async Task<NpgsqlDataSource> FreshWarehouseAsync(string connectionString)
    {
        var db = WarehouseDataSource.Create(connectionString);
        await new Migrator(db, TimeProvider.System).MigrateAsync();
        await new AdminUnitsLoader(db).LoadAsync(AdminUnitFiles.Read(AdminUnitsCopy.Original));
        return db;
    }

    private static async Task<SourceRecord[]> RecordsAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var codes = await connection.QueryAsync<string>("select code from ref.admin_unit where era = 2025 and level = 'commune' order by code limit 500");
        return [.. codes.Select((c, i) => FactsFromRecords.Record(c, i, 1_000))];
    }

    private static async Task WaitUntilBlockedAsync(NpgsqlDataSource db, Task load)
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

            Assert.False(load.IsCompleted, "the load ended before reaching its merge");
            await Task.Delay(50);
        }

        Assert.Fail("the load did not reach its merge within 60 s");
    }
}
