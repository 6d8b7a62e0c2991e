using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Portal;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Portal;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Portal;

public sealed class PortalConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    protected override Period PublishedPeriod => Period.Month(2025, 10);

    // Published 2026-01-11, after the default clock (2025-12-15).
    protected override Period UnpublishedPeriod => Period.Month(2025, 12);

    protected override string DataEndpoint => "procedures";

    // The second page of the procedures report; the agency list is another endpoint, fetched before it.
    protected override IReadOnlyDictionary<string, string> SecondRequest =>
        new Dictionary<string, string> { ["service"] = PortalSimulator.ProcedureService, ["pageIndex"] = "2", ["pageSize"] = "500" };

    protected override FaultKind BrokenBody => FaultKind.MalformedJson;

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new PortalSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((PortalSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<IPortalApi, PortalConnector, PortalOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            // Seven pages per stream. With pages of 1,000 a run that fails on page 2 would have sent 4 agency pages, 1
            // report page and 5 failed attempts: half of 10 calls failing opens the shared circuit breaker, and the
            // immediate rerun the test makes would be refused by it (in production the next run comes much later).
            o.PageSize = 500;
        }, o => o.Http);
}
