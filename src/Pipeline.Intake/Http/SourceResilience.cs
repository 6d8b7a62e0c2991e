using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Pipeline.Intake.Http;

/// <summary>
/// The one resilience set-up for every HTTP source, configured on the client builder so no connector writes a
/// retry loop. Outermost first: total timeout; retry (exponential with jitter, honouring Retry-After, also on
/// broken bodies); circuit breaker; a rate limiter holding requests to the contract's rate (inside the retry, so
/// retries count too); per-attempt timeout; then the body check.
/// </summary>
public static class SourceResilience
{
    public static IHttpClientBuilder AddSourceResilience(this IHttpClientBuilder builder, Func<IServiceProvider, SourceHttpOptions> options)
    {
        builder.ConfigureHttpClient((services, client) =>
        {
            client.BaseAddress = options(services).BaseAddress;

            // The pipeline's own timeouts govern; HttpClient's 100 s default would cut across them.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        builder.AddResilienceHandler("source", (pipeline, context) =>
        {
            var o = options(context.ServiceProvider);
            pipeline
                .AddTimeout(o.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.MaxRetries,
                    Delay = o.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = o.BreakDuration,
                })
                .AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, (int)Math.Ceiling(o.RequestsPerSecond)),
                    TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(o.RequestsPerSecond)),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(o.RequestsPerSecond)) / o.RequestsPerSecond),
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }))
                .AddTimeout(o.AttemptTimeout);
        });

        // Added after the resilience handler, so it runs inside it: a broken body fails the attempt, not the call.
        builder.AddHttpMessageHandler(() => new PayloadCheckHandler());
        return builder;
    }
}
