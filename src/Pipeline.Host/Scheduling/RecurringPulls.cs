using Hangfire;
using Pipeline.Jobs;
using Pipeline.Jobs.Sources;

namespace Pipeline.Host.Scheduling;

/// <summary>Recurring pull jobs from configuration: one per source, added, updated or removed to match it at start-up.</summary>
public static class RecurringPulls
{
    public static string JobId(string source) => $"pull-{source}";

    /// <summary>Every source's schedule, defaults where the configuration says nothing.</summary>
    public static IReadOnlyDictionary<string, ScheduleOptions> Read(IConfiguration configuration) =>
        SourceCatalog.Names.ToDictionary(
            name => name,
            name => configuration.GetSection($"Schedules:{name}").Get<ScheduleOptions>() ?? new ScheduleOptions());

    public static void Register(IRecurringJobManager jobs, IReadOnlyDictionary<string, ScheduleOptions> schedules)
    {
        foreach (var (source, schedule) in schedules)
        {
            if (!schedule.Enabled)
            {
                jobs.RemoveIfExists(JobId(source));
                continue;
            }

            jobs.AddOrUpdate<PullJob>(
                JobId(source),
                JobQueue.QueueOf(source),
                job => job.RunLatestAsync(source, CancellationToken.None),
                schedule.Cron,
                new RecurringJobOptions { TimeZone = PublicationCalendar.Vietnam });
        }
    }
}
