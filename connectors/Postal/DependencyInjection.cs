using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Postal;

public static class DependencyInjection
{
    /// <summary>Registers the postal connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddPostalConnector(this IServiceCollection services, Action<PostalOptions> configure)
    {
        services.AddOptions<PostalOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IPostalApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<PostalOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, PostalConnector>();
        return services;
    }
}
