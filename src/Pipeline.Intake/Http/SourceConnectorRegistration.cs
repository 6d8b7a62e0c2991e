using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Pipeline.Intake.Http;

/// <summary>
/// The one way an HTTP source is registered, so the six connectors cannot drift apart in how their options are
/// checked, their client is built or their resilience is wired.
/// </summary>
public static class SourceConnectorRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TConnector"/> as a singleton <see cref="ISourceConnector"/>, its options
    /// (data annotations checked when the host starts, not on first use) and its source-generated Refit client behind
    /// the shared resilience pipeline.
    /// </summary>
    /// <remarks>
    /// The connector's own constructor dependencies (a <see cref="TimeProvider"/>, for some an
    /// <c>AdminUnitSet</c>) must be registered by the caller.
    /// </remarks>
    /// <param name="http">Picks the source's HTTP settings out of its options.</param>
    public static IServiceCollection AddSourceConnector<TApi, TConnector, TOptions>(
        this IServiceCollection services,
        Action<TOptions> configure,
        Func<TOptions, SourceHttpOptions> http)
        where TApi : class
        where TConnector : class, ISourceConnector
        where TOptions : class
    {
        services.AddOptions<TOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();

        // Calling this generically from here is enough: Refit's generator registers each implementation in a module
        // initializer of the assembly that declares the interface (the connector's, whose own Refit reference runs
        // the generator), and the client is looked up by typeof(TApi) when it is resolved.
        services.AddRefitGeneratedClient<TApi>()
            .AddSourceResilience(sp => http(sp.GetRequiredService<IOptions<TOptions>>().Value));
        services.AddSingleton<ISourceConnector, TConnector>();
        return services;
    }
}
