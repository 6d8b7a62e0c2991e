using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Connectors.Vneid;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using Pipeline.Simulators.Vneid;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Vneid;

public sealed class VneidConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    protected override Period PublishedPeriod => Period.Month(2025, 10);

    protected override Period UnpublishedPeriod => Period.Month(2025, 3);

    protected override string DataEndpoint => "aggregates";

    protected override IReadOnlyDictionary<string, string> SecondRequest => new Dictionary<string, string> { ["limit"] = "1000", ["cursor"] = SecondCursor };

    protected override FaultKind BrokenBody => FaultKind.MalformedJson;

    // The simulator's opaque cursor for offset 1000 at the default clock: "<unix seconds>:1000", base64.
    private static string SecondCursor => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SimulationClock.DefaultAsOf.ToUnixTimeSeconds()}:1000"));

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new VneidSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((VneidSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<IVneidApi, VneidConnector, VneidOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            o.ApiToken = VneidSimulator.Token;
            o.PageSize = 1000;
        }, o => o.Http);
}
