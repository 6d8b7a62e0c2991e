using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Health;

public static class DependencyInjection
{
    /// <summary>Registers the health-statistics connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs an <see cref="Core.ReferenceData.AdminUnitSet"/> and a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddHealthConnector(this IServiceCollection services, Action<HealthOptions> configure)
    {
        services.AddOptions<HealthOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IHealthApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<HealthOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, HealthConnector>();
        return services;
    }
}
