using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Tests.Conformance;
using Pipeline.Core.Periods;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Postal;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Postal;

public sealed class PostalConformanceTests(PostgresServer server) : ConnectorConformanceTests(server)
{
    /// <summary>Published 2025-10-21; its corrections (2025-12-20) are not out yet at the default clock.</summary>
    protected override Period PublishedPeriod => Period.Parse("2025-Q3");

    /// <summary>Published 2026-01-21, after the default clock.</summary>
    protected override Period UnpublishedPeriod => Period.Parse("2025-Q4");

    protected override string DataEndpoint => "export-file";

    /// <summary>The index lists the province files by postcode prefix (10, 12, ...): the second is Cao Bằng's.</summary>
    protected override IReadOnlyDictionary<string, string> SecondRequest =>
        new Dictionary<string, string> { ["period"] = "2025-Q3", ["file"] = "2025-Q3_12.csv" };

    protected override FaultKind BrokenBody => FaultKind.TruncatedCsv;

    protected override SimulatedSource CreateSimulator(SimulationData data, SimulationClock clock) => new PostalSimulator(data, clock);

    protected override int ExpectedUnitKeys(SimulatedSource simulator, Period period) => ((PostalSimulator)simulator).ExpectedUnitKeys(period);

    protected override void AddConnector(IServiceCollection services, Uri simulator) =>
        services.AddSourceConnector<IPostalApi, PostalConnector, PostalOptions>(o =>
        {
            o.Http.BaseAddress = simulator;
            SourceHarness.Fast(o.Http);
            o.ApiKey = PostalSimulator.ApiKey;
            o.RegistryPageSize = 1000;
        }, o => o.Http);
}
