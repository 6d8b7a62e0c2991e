using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Emc;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Emc;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Emc;

public sealed class EmcConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    private const int PageSize = 1000;

    protected override Period PublishedPeriod => Period.Month(2025, 10);

    // Published about 10 days after the month ends: 2026-01-11, after the default clock (2025-12-15).
    protected override Period UnpublishedPeriod => Period.Month(2025, 12);

    protected override string DataEndpoint => "dossier-stats";

    // 3,321 units at 1,000 a page: four pages, the second asked as page=2 (pinned to the first page's asOf).
    protected override IReadOnlyDictionary<string, string> SecondRequest =>
        new Dictionary<string, string> { ["month"] = "2025-10", ["page"] = "2", ["size"] = "1000" };

    protected override FaultKind BrokenBody => FaultKind.MalformedJson;

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new EmcSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((EmcSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<IEmcApi, EmcConnector, EmcOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            o.ApiKey = EmcSimulator.ApiKey;
            o.PageSize = PageSize;
        }, o => o.Http);
}
