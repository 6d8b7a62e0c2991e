using Pipeline.Connectors.Tests.Support;
using Pipeline.Simulators.Faults;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Reliability;

/// <summary>
/// Scenario03_MalformedChunks: "empty or malformed response chunks on 30% of calls: retried; when retries run out the
/// page fails whole." The conformance suite breaks one page twice (<c>BrokenBody_IsRetriedAndThePullSucceeds</c>,
/// <c>TransientFault_IsRetriedAndThePullSucceeds(EmptyBody)</c>); here 30% of all calls are broken across a pull of
/// 17 pages, and a page broken on every attempt fails the run with nothing of it stored and the cursor before it.
/// </summary>
[Collection(WarehouseCollection.Name)]
public sealed class MalformedChunkTests(PostgresServer server)
{
    private const int PageSize = 200;

    [Theory]
    [InlineData(FaultKind.EmptyBody)]
    [InlineData(FaultKind.MalformedJson)]
    public async Task BrokenBodiesOnThirtyPercentOfCalls_AreRetried_AndEveryRowLandsOnce(FaultKind broken)
    {
        await using var h = await VneidRig.StartAsync(server, pageSize: PageSize);
        h.Simulator.Faults.Add(new FaultRule(broken, VneidRig.Endpoint, Share: 0.3));

        var report = await h.PullAsync(VneidRig.Month);

        Assert.True(report.Status == "succeeded", report.Error);
        var units = VneidRig.Units(h);
        var pages = (units + PageSize - 1) / PageSize;
        var calls = VneidRig.DataRequests(h).Count();
        Assert.Equal(pages + (int)Math.Floor(calls * 0.3), calls);
        Assert.True(calls - pages >= 5, $"{calls - pages} of {calls} calls were broken");
        Assert.Equal(pages, report.PagesLanded);
        Assert.Equal(pages, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Equal(units * VneidRig.RecordsPerUnit, await IntakeTables.RecordsAsync(h.Database, h.Source));
        Assert.Equal(0, await IntakeTables.DuplicateKeysAsync(h.Database, h.Source));
    }

    [Theory]
    [InlineData(FaultKind.EmptyBody, "empty body")]
    [InlineData(FaultKind.MalformedJson, "Repr-Digest|not valid JSON")]
    public async Task APageBrokenOnEveryAttempt_FailsWhole_AndTheCursorStaysBeforeIt(FaultKind broken, string why)
    {
        await using var h = await VneidRig.StartAsync(server);
        h.Simulator.Faults.Add(new FaultRule(broken, VneidRig.Endpoint, VneidRig.SecondPage));

        var report = await h.PullAsync(VneidRig.Month);

        Assert.Equal("failed", report.Status);
        Assert.Matches(why, report.Error);

        // The first attempt and SourceHarness.Fast's four retries.
        Assert.Equal(5, VneidRig.DataRequests(h).Count(r => VneidRig.Matches(r, VneidRig.SecondPage)));
        Assert.Equal(1, report.PagesLanded);
        Assert.Equal(1, await IntakeTables.PayloadsAsync(h.Database, h.Source, VneidRig.Stream));
        Assert.Equal(1000 * VneidRig.RecordsPerUnit, await IntakeTables.RecordsAsync(h.Database, h.Source));
        Assert.Contains(VneidRig.SecondPage["cursor"], await IntakeTables.CursorAsync(h.Database, h.Source, VneidRig.Stream, VneidRig.Month.ToString()));
    }
}
