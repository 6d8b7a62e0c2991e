using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Pipeline.Core;
using Pipeline.Core.ReferenceData;
using Pipeline.Jobs;
using Pipeline.Normalisation;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Scheduling;

/// <summary>A pull whose source does not answer: retried with back-off, then failed, every attempt in the run history.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class FailingPullTests(PostgresServer server)
{
    [Fact]
    public async Task APullThatKeepsFailing_IsRetried_ThenMarkedFailed_WithEachAttemptRecorded()
    {
        var connectionString = await server.CreateDatabaseConnectionStringAsync("failing_pull");
        await using var warehouse = WarehouseDataSource.Create(connectionString);
        await new Migrator(warehouse, TimeProvider.System).MigrateAsync();
        var storage = JobQueue.Storage(connectionString);

        // Nothing listens on port 1: every request is refused at once (one quick retry inside the HTTP pipeline).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:vneid:Http:BaseAddress"] = "http://127.0.0.1:1/",
            ["Sources:vneid:Http:MaxRetries"] = "1",
            ["Sources:vneid:Http:RetryBaseDelay"] = "00:00:00.100",
            ["Sources:vneid:Http:TotalTimeout"] = "00:00:05",
            ["Sources:vneid:ApiToken"] = "not-a-real-token",
        }).Build();
        var units = AdminUnitFiles.Read(PipelineHome.DefaultAdminUnitsDirectory(PipelineHome.Find()));
        var job = new PullJob(configuration, TimeProvider.System, units, new ReferenceUnits(units), warehouse, new JobSettings(new PublicationCalendar(), TextWriter.Null));

        var id = new BackgroundJobClient(storage).Enqueue<PullJob>(JobQueue.QueueOf("vneid"), j => j.RunAsync("vneid", "2025-10", CancellationToken.None));
        var options = new BackgroundJobServerOptions
        {
            Queues = [JobQueue.QueueOf("vneid")],
            WorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            Activator = new SingleJobActivator(job),
            FilterProvider = new JobFilterCollection { HostSetup.RetryFilter(new JobsOptions { RetryAttempts = 2, RetryDelaysSeconds = [1] }) },
        };
        using (new BackgroundJobServer(options, storage))
        {
            await WaitForStateAsync(storage, id, FailedState.StateName);
        }

        var history = storage.GetMonitoringApi().JobDetails(id).History.Select(h => h.StateName).Reverse().ToList();
        Assert.Equal(2, history.Count(s => s == ScheduledState.StateName));
        Assert.Equal(FailedState.StateName, history[^1]);
        await using var connection = new NpgsqlConnection(connectionString);
        var runs = (await connection.QueryAsync<(string Status, string Error)>(
            "select status, error from intake.run where source = 'vneid' and period = '2025-10' order by run_id")).ToList();
        var failure = storage.GetMonitoringApi().JobDetails(id).History[0].Data;
        Assert.True(runs.Count == 3, $"{runs.Count} intake runs; the job failed with {(failure.TryGetValue("ExceptionType", out var type) ? type : "")}: {(failure.TryGetValue("ExceptionMessage", out var message) ? message : "")}");
        Assert.All(runs, r => Assert.Equal("failed", r.Status));
    }

    private static async Task WaitForStateAsync(JobStorage storage, string id, string state)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            using var connection = storage.GetConnection();
            if (connection.GetStateData(id)?.Name == state)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"job {id} did not reach {state} within 90 s");
    }

    private sealed class SingleJobActivator(PullJob job) : JobActivator
    {
        public override object ActivateJob(Type jobType) => job;
    }
}
