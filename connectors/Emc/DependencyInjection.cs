using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Emc;

public static class DependencyInjection
{
    /// <summary>Registers the EMC connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddEmcConnector(this IServiceCollection services, Action<EmcOptions> configure)
    {
        services.AddOptions<EmcOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IEmcApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<EmcOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, EmcConnector>();
        return services;
    }
}
