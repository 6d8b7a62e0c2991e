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

namespace Pipeline.Jobs.Sources;

/// <summary>The six national sources, in the order pulls run and reports list them.</summary>
public static class SourceCatalog
{
    public static readonly IReadOnlyList<SourceEntry> All =
    [
        Entry<IVneidApi, VneidConnector, VneidOptions>(VneidConnector.Descriptor, o => o.Http),
        Entry<IPortalApi, PortalConnector, PortalOptions>(PortalConnector.Descriptor, o => o.Http),
        Entry<IEmcApi, EmcConnector, EmcOptions>(EmcConnector.Descriptor, o => o.Http),
        Entry<ITelecomApi, TelecomConnector, TelecomOptions>(TelecomConnector.Descriptor, o => o.Http),
        Entry<IPostalApi, PostalConnector, PostalOptions>(PostalConnector.Descriptor, o => o.Http),
        Entry<IHealthApi, HealthConnector, HealthOptions>(HealthConnector.Descriptor, o => o.Http),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(s => s.Name)];

    /// <summary>The entries named, or all of them for "all" (names are checked when the command line is parsed).</summary>
    public static IReadOnlyList<SourceEntry> Select(string name) => name == "all" ? All : [All.Single(s => s.Name == name)];

    /// <summary>A source whose options are bound from its configuration section (a stand-in's address and credentials are layered into it by <see cref="SourcePulls"/>).</summary>
    private static SourceEntry Entry<TApi, TConnector, TOptions>(SourceDescriptor descriptor, Func<TOptions, SourceHttpOptions> http)
        where TApi : class
        where TConnector : class, ISourceConnector
        where TOptions : class =>
        new(descriptor.Name, descriptor, (services, section) => services.AddSourceConnector<TApi, TConnector, TOptions>(section.Bind, http));
}
