using Pipeline.Connectors.Tests.Support;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario02_TimeoutCircuit: "latency past the timeout: times out, circuit opens, nothing committed, cursor
/// unchanged." The conformance suite only has latency that stops in time (retried, the pull succeeds). Here the
/// source answers every request too late: an incremental run (after a clean pull, with revisions waiting) fails on
/// timeouts, commits nothing and leaves the cursor as it was; the run after it is refused by the open circuit
/// without a request reaching the source; once the break is over and the source is quick again, the run completes.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class TimeoutCircuitTests(PostgresServer server)
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task EveryAttemptPastTheTimeout_FailsTheRun_OpensTheCircuit_AndCommitsNothing()
    {
        var clock = new SimulationClock();
        await using var h = await VneidRig.StartAsync(server, http =>
        {
            http.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            http.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            http.MaxRetries = 9;
            http.BreakDuration = Break;
        }, clock);
        Assert.Equal("succeeded", (await h.PullAsync(VneidRig.Month)).Status);
        var cursor = await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString());
        var checksum = await IntakeTables.ChecksumAsync(h.Database, h.Source);
        var payloads = await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream);

        // Revisions are published, so the next run has something to fetch; the source now answers after two seconds.
        clock.AsOf = clock.AsOf.AddDays(90);
        h.Simulator.Faults.Add(new FaultRule(FaultKind.Latency, VneidRig.Endpoint, Delay: TimeSpan.FromSeconds(2)));
        h.Simulator.ClearLog();
        var timedOut = await h.PullAsync(VneidRig.Month);
        var attempts = VneidRig.DataRequests(h).Select(r => r.ReceivedAt).ToList();

        // At once, while the circuit is open (the checks below take time on a loaded machine).
        h.Simulator.ClearLog();
        var refused = await h.PullAsync(VneidRig.Month);
        var reachedSource = VneidRig.DataRequests(h).Count();

        Assert.Equal("failed", timedOut.Status);
        Assert.Matches("Timeout|circuit", timedOut.Error);

        // Each attempt was abandoned at the 200 ms timeout, not answered two seconds later, until the failures opened the
        // circuit (half of at least ten calls in 30 s, the clean pull's included) or the ten attempts ran out.
        Assert.InRange(attempts.Count, 2, 10);
        Assert.All(attempts.Zip(attempts.Skip(1), (a, b) => b - a), gap => Assert.True(gap < TimeSpan.FromSeconds(1.5), $"waited {gap} for an attempt"));
        Assert.Equal((0, 0, 0), (timedOut.PagesLanded, timedOut.RecordsRead, timedOut.RecordsRevised));

        Assert.Equal("failed", refused.Status);
        Assert.Contains("circuit", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, reachedSource);

        Assert.Equal(checksum, await IntakeTables.ChecksumAsync(h.Database, h.Source));
        Assert.Equal(payloads, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Equal(0, await IntakeTables.RevisionsAsync(h.Database, h.Source));
        Assert.Equal(cursor, await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString()));

        h.Simulator.Faults.Clear();
        await Task.Delay(Break + TimeSpan.FromMilliseconds(200));
        var recovered = await h.PullAsync(VneidRig.Month);

        Assert.True(recovered.Status == "succeeded", recovered.Error);
        Assert.True(recovered.RecordsRevised > 0, "the revisions held back by the timeouts should land now");
    }
}
