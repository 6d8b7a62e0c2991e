using Dapper;
using Npgsql;

namespace Pipeline.Bench;

/// <summary>
/// The job the pickup bench enqueues: it only writes when it started, next to when it was enqueued. Public with a
/// public static method because Hangfire invokes it by name in the worker process.
/// </summary>
public static class PickupProbe
{
    /// <summary>Set by the worker process before its Hangfire server starts.</summary>
    internal static string? ConnectionString { get; set; }

    public static void Record(int job, DateTimeOffset enqueuedAt)
    {
        var startedAt = TimeProvider.System.GetUtcNow();
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Execute(
            BenchSql.Read("record_pickup"),
            new { job, enqueuedAt, startedAt });
    }
}
