using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Pipeline.Host.Scheduling;
using Pipeline.Jobs;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Scheduling;

[Collection(WarehouseCollection.Name)]
public sealed class RecurringPullsTests(PostgresServer server)
{
    [Fact]
    public async Task Schedules_FromConfiguration_BecomeRecurringJobsInVietnamTime_OnTheSourcesQueue()
    {
        var storage = await HangfireDatabase.StorageAsync(server, "recurring");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Schedules:vneid:Cron"] = "15 3 * * *",
            ["Schedules:telecom:Enabled"] = "false",
        }).Build();

        RecurringPulls.Register(new RecurringJobManager(storage), RecurringPulls.Read(configuration));

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(["pull-emc", "pull-health", "pull-portal", "pull-postal", "pull-vneid"], jobs.Keys.Order());
        Assert.Equal(("15 3 * * *", "Asia/Ho_Chi_Minh", "vneid"), (jobs["pull-vneid"].Cron, jobs["pull-vneid"].TimeZoneId, jobs["pull-vneid"].Job.Queue));
        Assert.Equal("0 2 * * *", jobs["pull-emc"].Cron);
        Assert.Equal(nameof(PullJob.RunLatestAsync), jobs["pull-portal"].Job.Method.Name);
        Assert.Equal("portal", jobs["pull-portal"].Job.Args[0]);
    }

    [Fact]
    public async Task DisablingASchedule_RemovesItsJob_AndEnablingItBringsItBack()
    {
        var storage = await HangfireDatabase.StorageAsync(server, "toggle");
        var manager = new RecurringJobManager(storage);
        var schedules = RecurringPulls.Read(new ConfigurationBuilder().Build()).ToDictionary(s => s.Key, s => s.Value);

        RecurringPulls.Register(manager, schedules);
        schedules["health"] = new ScheduleOptions { Enabled = false };
        RecurringPulls.Register(manager, schedules);
        var withoutHealth = Ids(storage);
        schedules["health"] = new ScheduleOptions { Cron = "0 4 * * *" };
        RecurringPulls.Register(manager, schedules);

        Assert.DoesNotContain("pull-health", withoutHealth);
        Assert.Equal(6, Ids(storage).Count);
    }

    private static List<string> Ids(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }
}
