using Microsoft.Extensions.Configuration;
using Pipeline.Connectors.Emc;
using Pipeline.Connectors.Health;
using Pipeline.Connectors.Portal;
using Pipeline.Connectors.Postal;
using Pipeline.Connectors.Telecom;
using Pipeline.Connectors.Vneid;
using Pipeline.Simulators.Emc;
using Pipeline.Simulators.Health;
using Pipeline.Simulators.Portal;
using Pipeline.Simulators.Postal;
using Pipeline.Simulators.Telecom;
using Pipeline.Simulators.Vneid;

namespace Pipeline.Cli.Sources;

/// <summary>The six national sources, in the order pulls run and reports list them.</summary>
internal static class SourceCatalog
{
    public static readonly IReadOnlyList<SourceEntry> All =
    [
        new("vneid", (data, clock) => new VneidSimulator(data, clock), (services, section, simulator) =>
            services.AddVneidConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                    o.ApiToken = VneidSimulator.Token;
                }
            })),
        new("portal", (data, clock) => new PortalSimulator(data, clock), (services, section, simulator) =>
            services.AddPortalConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                }
            })),
        new("emc", (data, clock) => new EmcSimulator(data, clock), (services, section, simulator) =>
            services.AddEmcConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                    o.ApiKey = EmcSimulator.ApiKey;
                }
            })),
        new("telecom", (data, clock) => new TelecomSimulator(data, clock), (services, section, simulator) =>
            services.AddTelecomConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                    o.Username = TelecomSimulator.Username;
                    o.Password = TelecomSimulator.Password;
                }
            })),
        new("postal", (data, clock) => new PostalSimulator(data, clock), (services, section, simulator) =>
            services.AddPostalConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                    o.ApiKey = PostalSimulator.ApiKey;
                }
            })),
        new("health", (data, clock) => new HealthSimulator(data, clock), (services, section, simulator) =>
            services.AddHealthConnector(o =>
            {
                section.Bind(o);
                if (simulator is not null)
                {
                    o.Http.BaseAddress = simulator.Url;
                    o.ApiToken = HealthSimulator.Token;
                }
            })),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(s => s.Name)];

    /// <summary>The entries named, or all of them for "all" (names are checked when the command line is parsed).</summary>
    public static IReadOnlyList<SourceEntry> Select(string name) => name == "all" ? All : [All.Single(s => s.Name == name)];
}
