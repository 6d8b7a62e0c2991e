using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Connectors.Emc;
using Pipeline.Connectors.Health;
using Pipeline.Connectors.Portal;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Vneid;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Simulators.Emc;
using Pipeline.Simulators.Health;
using Pipeline.Simulators.Portal;
using Pipeline.Simulators.Postal;
using Pipeline.Simulators.Synthetic;
using Pipeline.Simulators.Telecom;
using Pipeline.Simulators.Vneid;

namespace Pipeline.Jobs.Sources;

/// <summary>The six national sources, in the order pulls run and reports list them.</summary>
public static class SourceCatalog
{
    public static readonly IReadOnlyList<SourceEntry> All =
    [
        Entry<IVneidApi, VneidConnector, VneidOptions>(VneidConnector.Descriptor, (d, c) => new VneidSimulator(d, c), o => o.Http, o => o.ApiToken = VneidSimulator.Token),
        Entry<IPortalApi, PortalConnector, PortalOptions>(PortalConnector.Descriptor, (d, c) => new PortalSimulator(d, c), o => o.Http, _ => { }),
        Entry<IEmcApi, EmcConnector, EmcOptions>(EmcConnector.Descriptor, (d, c) => new EmcSimulator(d, c), o => o.Http, o => o.ApiKey = EmcSimulator.ApiKey),
        Entry<ITelecomApi, TelecomConnector, TelecomOptions>(TelecomConnector.Descriptor, (d, c) => new TelecomSimulator(d, c), o => o.Http, o =>
        {
            o.Username = TelecomSimulator.Username;
            o.Password = TelecomSimulator.Password;
        }),
        Entry<IPostalApi, PostalConnector, PostalOptions>(PostalConnector.Descriptor, (d, c) => new PostalSimulator(d, c), o => o.Http, o => o.ApiKey = PostalSimulator.ApiKey),
        Entry<IHealthApi, HealthConnector, HealthOptions>(HealthConnector.Descriptor, (d, c) => new HealthSimulator(d, c), o => o.Http, o => o.ApiToken = HealthSimulator.Token),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(s => s.Name)];

    /// <summary>The entries named, or all of them for "all" (names are checked when the command line is parsed).</summary>
    public static IReadOnlyList<SourceEntry> Select(string name) => name == "all" ? All : [All.Single(s => s.Name == name)];

    /// <summary>
    /// A source whose options are bound from its configuration section; with a simulator, the address and the
    /// credentials are the simulator's instead.
    /// </summary>
    private static SourceEntry Entry<TApi, TConnector, TOptions>(
        SourceDescriptor descriptor,
        Func<SimulationData, SimulationClock, SimulatedSource> createSimulator,
        Func<TOptions, SourceHttpOptions> http,
        Action<TOptions> useSimulatorCredentials)
        where TApi : class
        where TConnector : class, ISourceConnector
        where TOptions : class =>
        new(descriptor.Name, descriptor, createSimulator, (services, section, simulator) =>
            services.AddSourceConnector<TApi, TConnector, TOptions>(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    http(o).BaseAddress = simulator.Url;
                    useSimulatorCredentials(o);
                }
            }, http));
}
