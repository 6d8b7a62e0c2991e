using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Conformance;

/// <summary>
/// What every connector must do against its simulator (issue 5): a full pull of a period lands every unit; an
/// unpublished period lands nothing and succeeds; transport faults are retried; bad rows are quarantined with a
/// reason; schema drift and personal data fail the run with nothing of the bad page stored; a failed run resumes
/// from its last committed page; a second run fetches nothing new; a source revision is picked up and kept.
/// Each source derives from this once and says how to reach its simulator.
/// </summary>
[Collection(WarehouseCollection.Name)]
public abstract class ConnectorConformanceTests(PostgresServer server)
{
    /// <summary>A new simulator of the source (not started).</summary>
    protected abstract SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock);

    /// <summary>Registers the connector pointed at the simulator, with <see cref="SourceHarness.Fast"/> HTTP settings and a
    /// page size small enough that a full pull takes several pages or files.</summary>
    protected abstract void AddConnector(IServiceCollection services, Uri simulator);

    /// <summary>A period the simulator has published at its default clock.</summary>
    protected abstract Period PublishedPeriod { get; }

    /// <summary>A period the source has not published (after the clock, or before the source's era).</summary>
    protected abstract Period UnpublishedPeriod { get; }

    /// <summary>How many distinct (stream, unit key) pairs a full pull of the period must land.</summary>
    protected abstract int ExpectedUnitKeys(SimulatedSource simulator, Period period);

    /// <summary>The simulator endpoint that serves data pages or files.</summary>
    protected abstract string DataEndpoint { get; }

    /// <summary>Request parameters that pick out the second data request of a full pull (page 2, the second file).</summary>
    protected abstract IReadOnlyDictionary<string, string> SecondRequest { get; }

    /// <summary>The broken-body fault of the source's format: MalformedJson or TruncatedCsv.</summary>
    protected abstract FaultKind BrokenBody { get; }

    private Task<SourceHarness> StartAsync(SimulationClock? clock = null) =>
        SourceHarness.StartAsync(server, CreateSimulator(SharedData.Simulation, clock ?? new SimulationClock()), AddConnector);

    [Fact]
    public async Task FullPull_LandsEveryUnitOfThePeriod()
    {
        await using var h = await StartAsync();
        var report = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(report);
        var expected = ExpectedUnitKeys(h.Simulator, PublishedPeriod);
        Assert.True(expected > 0, "the simulator should publish the period");
        Assert.Equal(expected, await IntakeTables.UnitKeysAsync(h.Database, h.Source, PublishedPeriod.ToString()));
        Assert.Equal(0, report.Quarantined);
        Assert.True(report.PagesLanded >= 2, $"a full pull should take several pages, took {report.PagesLanded}");
        Assert.Equal(report.RecordsRead, report.RecordsInserted);
    }

    [Fact]
    public async Task UnpublishedPeriod_SucceedsAndLandsNothing()
    {
        await using var h = await StartAsync();
        var report = await h.PullAsync(UnpublishedPeriod);

        AssertSucceeded(report);
        Assert.Equal(0, report.RecordsRead);
        Assert.Equal(0, await IntakeTables.RecordsAsync(h.Database, h.Source));
    }

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.TooManyRequests)]
    [InlineData(FaultKind.ConnectionReset)]
    [InlineData(FaultKind.EmptyBody)]
    [InlineData(FaultKind.Latency)]
    public async Task TransientFault_IsRetriedAndThePullSucceeds(FaultKind kind)
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(kind, DataEndpoint, SecondRequest, Times: 2, Delay: TimeSpan.FromSeconds(3)));
        var report = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(report);
        Assert.Equal(ExpectedUnitKeys(h.Simulator, PublishedPeriod), await IntakeTables.UnitKeysAsync(h.Database, h.Source, PublishedPeriod.ToString()));
        // Two faulted attempts and the one that succeeded; on a loaded machine an attempt may time out once more.
        Assert.InRange(h.Simulator.Requests.Count(r => r.Endpoint == DataEndpoint && Matches(r, SecondRequest)), 3, 4);
    }

    [Fact]
    public async Task BrokenBody_IsRetriedAndThePullSucceeds()
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(BrokenBody, DataEndpoint, SecondRequest, Times: 2));
        var report = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(report);
        Assert.Equal(ExpectedUnitKeys(h.Simulator, PublishedPeriod), await IntakeTables.UnitKeysAsync(h.Database, h.Source, PublishedPeriod.ToString()));
    }

    [Fact]
    public async Task DuplicatedRows_AreQuarantinedWithReason()
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(FaultKind.DuplicatedRows, DataEndpoint, SecondRequest, Times: 1));
        var report = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(report);
        Assert.True(await IntakeTables.QuarantinedAsync(h.Database, h.Source, QuarantineReasons.DuplicateRow) > 0);
        Assert.Equal(ExpectedUnitKeys(h.Simulator, PublishedPeriod), await IntakeTables.UnitKeysAsync(h.Database, h.Source, PublishedPeriod.ToString()));
    }

    [Fact]
    public async Task UnknownUnits_AreQuarantinedWithReason()
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(FaultKind.UnknownUnits, DataEndpoint, SecondRequest, Times: 1));
        var report = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(report);
        Assert.Equal(2, await IntakeTables.QuarantinedAsync(h.Database, h.Source, QuarantineReasons.UnknownUnit));
    }

    [Fact]
    public async Task RenamedColumn_FailsTheRunNamingTheColumn_AndStoresNothingOfThatPage()
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(FaultKind.RenamedColumn, DataEndpoint, SecondRequest));
        var report = await h.PullAsync(PublishedPeriod);

        Assert.Equal("failed", report.Status);
        Assert.Contains("_v2", report.Error);
        Assert.Equal(1, report.PagesLanded);
    }

    [Fact]
    public async Task CitizenIdentifier_RejectsThePayloadWhole_AndStoresNothingOfIt()
    {
        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(FaultKind.CitizenIdentifier, DataEndpoint, SecondRequest));
        var report = await h.PullAsync(PublishedPeriod);

        Assert.Equal("failed", report.Status);
        Assert.Contains("refused whole", report.Error);
        Assert.Equal(1, report.PayloadsRejected);
        Assert.Equal(1, await IntakeTables.RejectedAsync(h.Database, h.Source));
        Assert.Equal(0, await IntakeTables.PayloadsContainingAsync(h.Database, "001099012345"));
        Assert.Equal(1, report.PagesLanded);
    }

    [Fact]
    public async Task FailedRun_ResumesFromItsLastCommittedPage_AndEndsEqualToACleanPull()
    {
        await using var clean = await StartAsync();
        await clean.PullAsync(PublishedPeriod);

        await using var h = await StartAsync();
        h.Simulator.Faults.Add(new FaultRule(FaultKind.ServerError, DataEndpoint, SecondRequest));
        var failed = await h.PullAsync(PublishedPeriod);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("503", failed.Error);

        h.Simulator.Faults.Clear();
        h.Simulator.ClearLog();

        // The failures may have opened the client's circuit breaker, as they would in production: an operator's
        // rerun comes after the break (0.5 s in tests, 30 s by default), not while the circuit is open.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var resumed = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(resumed);
        Assert.True(Matches(h.Simulator.Requests.First(r => r.Endpoint == DataEndpoint), SecondRequest), "the rerun should start at the page that failed");
        Assert.Equal(await IntakeTables.ChecksumAsync(clean.Database, clean.Source), await IntakeTables.ChecksumAsync(h.Database, h.Source));
    }

    [Fact]
    public async Task SecondRun_FetchesNothingNew_AndChangesNothing()
    {
        await using var h = await StartAsync();
        await h.PullAsync(PublishedPeriod);
        var before = await IntakeTables.ChecksumAsync(h.Database, h.Source);

        var second = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(second);
        Assert.Equal(0, second.RecordsInserted + second.RecordsRevised);
        Assert.Equal(0, second.RecordsRead);
        Assert.Equal(before, await IntakeTables.ChecksumAsync(h.Database, h.Source));
    }

    [Fact]
    public async Task SourceRevision_IsPickedUpIncrementally_AndThePreviousValueKept()
    {
        var clock = new SimulationClock();
        await using var h = await StartAsync(clock);
        var first = await h.PullAsync(PublishedPeriod);

        clock.AsOf = clock.AsOf.AddDays(90);
        var second = await h.PullAsync(PublishedPeriod);

        AssertSucceeded(second);
        Assert.True(second.RecordsRevised > 0, "some values should have been revised");
        Assert.True(second.RecordsRead < first.RecordsRead / 4, $"the second run should fetch only what changed, read {second.RecordsRead} of {first.RecordsRead}");
        Assert.Equal(second.RecordsRevised, await IntakeTables.RevisionsAsync(h.Database, h.Source));
    }

    private static void AssertSucceeded(RunReport report) =>
        Assert.True(report.Status == "succeeded", $"run {report.RunId} {report.Status}: {report.Error}");

    private static bool Matches(SimRequest request, IReadOnlyDictionary<string, string> parameters) =>
        parameters.All(p => request.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
