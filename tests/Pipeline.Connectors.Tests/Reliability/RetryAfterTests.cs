using Pipeline.Connectors.Tests.Support;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario01_RetryAfter: "503/429 with Retry-After three times: waits as told, succeeds, each row stored once."
/// The conformance suite (<c>TransientFault_IsRetriedAndThePullSucceeds</c>) retries a 429 twice and checks the pull;
/// this adds the 503 with Retry-After, the third refusal, the wait measured on the simulator's request log, and that
/// no page or row was stored twice.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class RetryAfterTests(PostgresServer server)
{
    private static readonly TimeSpan Told = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TooManyRequests)]
    public async Task RefusedThreeTimesWithRetryAfter_WaitsAsToldEachTime_ThenLandsEveryRowOnce(FaultKind refusal)
    {
        // A 20 ms back-off (SourceHarness.Fast): any wait near a second can only come from the header.
        await using var h = await VneidRig.StartAsync(server);
        h.Simulator.Faults.Add(new FaultRule(refusal, VneidRig.Endpoint, VneidRig.SecondPage, Times: 3, RetryAfter: Told));

        var report = await h.PullAsync(VneidRig.Month);

        Assert.True(report.Status == "succeeded", report.Error);
        var attempts = VneidRig.DataRequests(h).Where(r => VneidRig.Matches(r, VneidRig.SecondPage)).Select(r => r.ReceivedAt).ToList();
        Assert.Equal(4, attempts.Count);
        var waits = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(waits, w => Assert.InRange(w, Told - TimeSpan.FromMilliseconds(50), Told + TimeSpan.FromSeconds(1.5)));

        var units = VneidRig.Units(h);
        Assert.Equal(4, report.PagesLanded);
        Assert.Equal(4, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Equal(units * VneidRig.RecordsPerUnit, await IntakeTables.RecordsAsync(h.Database, h.Source));
        Assert.Equal(units * VneidRig.RecordsPerUnit, report.RecordsInserted);
        Assert.Equal(0, await IntakeTables.DuplicateKeysAsync(h.Database, h.Source));
        Assert.Equal(0, report.Quarantined);
    }
}
