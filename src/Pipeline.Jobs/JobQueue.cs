using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Pipeline.Jobs;

/// <summary>
/// Hangfire's storage in the warehouse database (its own schema), set up the same way by the host that runs jobs
/// and by the command line that enqueues them (backfill). Each source has its own queue, so a host can bound how many
/// pulls of one source run at once by the workers it gives that queue.
/// </summary>
public static class JobQueue
{
    public const string Schema = "hangfire";

    public static PostgreSqlStorageOptions StorageOptions => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = true,
        // Without it a worker polls every 15 s (p95 pickup 14 s measured); with it, 33 ms (../shared/ENGINEERING-NOTES.md).
        EnableLongPolling = true,
        // A pull can outlast the 30 min lease; without renewal another worker would fetch it again.
        UseSlidingInvisibilityTimeout = true,
    };

    public static PostgreSqlStorage Storage(string connectionString) =>
        new(new NpgsqlConnectionFactory(connectionString, StorageOptions), StorageOptions);

    /// <summary>The queue of a source's pulls (Hangfire queue names are lower-case letters, digits and underscores).</summary>
    public static string QueueOf(string source) => source.ToLowerInvariant().Replace('-', '_');

    /// <summary>One pull job per period, on the source's queue; returns the job ids.</summary>
    public static IReadOnlyList<string> EnqueuePulls(IBackgroundJobClient client, string source, IEnumerable<string> periods) =>
        [.. periods.Select(period => client.Enqueue<PullJob>(QueueOf(source), job => job.RunAsync(source, period, CancellationToken.None)))];
}
