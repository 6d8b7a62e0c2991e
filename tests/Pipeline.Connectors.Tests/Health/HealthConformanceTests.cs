using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Health;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Health;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Health;

public sealed class HealthConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    protected override Period PublishedPeriod => Period.Month(2025, 10);

    // Before the first month the platform publishes per 2025 commune.
    protected override Period UnpublishedPeriod => Period.Month(2025, 6);

    protected override string DataEndpoint => "statistics";

    protected override IReadOnlyDictionary<string, string> SecondRequest =>
        new Dictionary<string, string> { ["ky"] = "2025-10", ["page"] = "2", ["size"] = "1000" };

    protected override FaultKind BrokenBody => FaultKind.MalformedJson;

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new HealthSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((HealthSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<IHealthApi, HealthConnector, HealthOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            o.ApiToken = HealthSimulator.Token;
            o.PageSize = 1000;
        }, o => o.Http);
}
