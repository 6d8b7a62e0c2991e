using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using Pipeline.Simulators.Telecom;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Telecom;

public sealed class TelecomConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    protected override Period PublishedPeriod => Period.Parse("2025-Q3");

    // Lands in the drop from 2026-01-21, after the default clock.
    protected override Period UnpublishedPeriod => Period.Parse("2025-Q4");

    protected override string DataEndpoint => "files";

    // A full pull takes the quarter's files operator by operator: the second is operator-b's.
    protected override IReadOnlyDictionary<string, string> SecondRequest => new Dictionary<string, string> { ["file"] = "operator-b_2025-Q3.csv" };

    protected override FaultKind BrokenBody => FaultKind.TruncatedCsv;

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new TelecomSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((TelecomSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<ITelecomApi, TelecomConnector, TelecomOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            o.Username = TelecomSimulator.Username;
            o.Password = TelecomSimulator.Password;
        }, o => o.Http);
}
