using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Telecom;

public static class DependencyInjection
{
    /// <summary>Registers the telecom connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs an <see cref="Core.ReferenceData.AdminUnitSet"/> and a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddTelecomConnector(this IServiceCollection services, Action<TelecomOptions> configure)
    {
        services.AddOptions<TelecomOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<ITelecomApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<TelecomOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, TelecomConnector>();
        return services;
    }
}
