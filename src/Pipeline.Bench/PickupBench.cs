using System.Diagnostics;
using Dapper;
using Hangfire;
using Pipeline.Jobs;

namespace Pipeline.Bench;

/// <summary>
/// Job pickup across processes: a child process runs a Hangfire server on the product's storage settings
/// (<see cref="JobQueue.StorageOptions"/>: PostgreSQL, long polling) against the bench database; this process enqueues
/// jobs one at a time and each job writes when it started. The figure is enqueue -> start, p50 and p95.
/// </summary>
internal static class PickupBench
{
    public const string Queue = "bench";

    public static async Task RunAsync(BenchReport report, BenchDatabase database, int jobs, TimeProvider time, CancellationToken ct)
    {
        var storage = JobQueue.Storage(database.ConnectionString);
        var client = new BackgroundJobClient(storage);
        using var worker = BenchChild.Start(database.ConnectionString, "pickup");
        try
        {
            while (await worker.StandardOutput.ReadLineAsync(ct) is { } line && line != "ready")
            {
            }

            // The first job pays for the worker's first fetch and JIT: untimed.
            client.Enqueue(Queue, () => PickupProbe.Record(0, time.GetUtcNow()));
            await WaitForAsync(database, 1, ct);

            var enqueueMs = new List<double>();
            for (var job = 1; job <= jobs; job++)
            {
                var enqueuedAt = time.GetUtcNow();
                var clock = Stopwatch.StartNew();
                var id = job;
                client.Enqueue(Queue, () => PickupProbe.Record(id, enqueuedAt));
                enqueueMs.Add(clock.Elapsed.TotalMilliseconds);

                // One job at a time, as a scheduler enqueues them: measure pickup, not a queue draining.
                await Task.Delay(30, ct);
            }

            await WaitForAsync(database, jobs + 1, ct);
            await using var connection = await database.DataSource.OpenConnectionAsync(ct);
            var pickup = (await connection.QueryAsync<double>(
                BenchSql.Read("pickup_latencies"))).ToList();
            var p95 = Percentile(pickup, 0.95);
            var enqueueP95 = Percentile(enqueueMs, 0.95);
            report.Add(new BenchLine(
                "job pickup p95",
                $"{BenchReport.Millis(p95)} (p50 {BenchReport.Millis(Percentile(pickup, 0.5))}, {jobs} jobs, Hangfire server with long polling in another process)",
                p95 / enqueueP95,
                $"the enqueue call itself, p95 {BenchReport.Millis(enqueueP95)}",
                new BenchTarget("<= 100 ms", p95 <= 100)));
        }
        finally
        {
            worker.StandardInput.Close();
            if (!worker.WaitForExit(15_000))
            {
                worker.Kill();
            }
        }
    }

    private static async Task WaitForAsync(BenchDatabase database, int rows, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        while (await connection.ExecuteScalarAsync<int>(BenchSql.Read("count_pickups")) < rows)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"the bench worker started fewer than {rows} jobs in 60 s");
            }

            await Task.Delay(10, ct);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
