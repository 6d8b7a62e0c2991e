using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Portal;

public static class DependencyInjection
{
    /// <summary>Registers the portal connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddPortalConnector(this IServiceCollection services, Action<PortalOptions> configure)
    {
        services.AddOptions<PortalOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IPortalApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<PortalOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, PortalConnector>();
        return services;
    }
}
