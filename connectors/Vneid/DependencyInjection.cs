using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Refit;

namespace Pipeline.Connectors.Vneid;

public static class DependencyInjection
{
    /// <summary>Registers the VNeID connector with its Refit client and the shared resilience pipeline.</summary>
    /// <remarks>Needs an <see cref="Core.ReferenceData.AdminUnitSet"/> and a <see cref="TimeProvider"/> registered.</remarks>
    public static IServiceCollection AddVneidConnector(this IServiceCollection services, Action<VneidOptions> configure)
    {
        services.AddOptions<VneidOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IVneidApi>()
            .AddSourceResilience(sp => sp.GetRequiredService<IOptions<VneidOptions>>().Value.Http);
        services.AddSingleton<ISourceConnector, VneidConnector>();
        return services;
    }
}
