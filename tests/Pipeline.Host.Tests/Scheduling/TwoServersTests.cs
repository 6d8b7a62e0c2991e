using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Npgsql;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Scheduling;

/// <summary>Two hosts on one storage share the queue: every job runs once, none twice.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class TwoServersTests(PostgresServer server)
{
    private const int Jobs = 60;

    [Fact]
    public async Task TwoServersOnOneStorage_RunEveryJobExactlyOnce()
    {
        var connectionString = await server.CreateDatabaseConnectionStringAsync("two_servers");
        var storage = Pipeline.Jobs.JobQueue.Storage(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("create table execution (job int not null, server text not null)");
        }

        var client = new BackgroundJobClient(storage);
        for (var i = 0; i < Jobs; i++)
        {
            client.Enqueue("shared", () => RecordingJob.Record(connectionString, i, null!));
        }

        using (new BackgroundJobServer(Options("host-a"), storage))
        using (new BackgroundJobServer(Options("host-b"), storage))
        {
            await WaitForAsync(connectionString, Jobs);
        }

        await using var check = new NpgsqlConnection(connectionString);
        var rows = (await check.QueryAsync<(int Job, string Server)>("select job, server from execution")).ToList();
        Assert.Equal(Jobs, rows.Count);
        Assert.Equal(Jobs, rows.Select(r => r.Job).Distinct().Count());
        Assert.Equal(2, rows.Select(r => r.Server.Split(':')[0]).Distinct().Count());
    }

    // Activator and filters of their own: a host built by another test sets Hangfire's global ones (an activator over
    // that host's services, retries delayed by minutes), which would leak into these servers.
    private static BackgroundJobServerOptions Options(string name) => new()
    {
        ServerName = name,
        Queues = ["shared"],
        WorkerCount = 3,
        Activator = new JobActivator(),
        FilterProvider = new JobFilterCollection(),
    };

    private static async Task WaitForAsync(string connectionString, int expected)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await connection.ExecuteScalarAsync<long>("select count(*) from execution") >= expected)
            {
                // Give a double execution, if there were one, the time to show.
                await Task.Delay(500);
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the two servers did not run {expected} jobs within 60 s");
    }
}

/// <summary>A job that records which server ran it; Hangfire calls it by reflection.</summary>
public static class RecordingJob
{
    public static void Record(string connectionString, int job, PerformContext context)
    {
        using var connection = new NpgsqlConnection(connectionString);
        Thread.Sleep(20);
        connection.Execute("insert into execution (job, server) values (@job, @server)", new { job, server = context.ServerId });
    }
}
