using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pipeline.Host.Health;

/// <summary>
/// A source's base address answers HTTP at all (any status: the check does not authenticate, so 401 is fine).
/// Unreachable is "degraded", not "unhealthy": the host still serves and the other sources still run.
/// </summary>
public sealed class SourceHealthCheck(IHttpClientFactory clients, string source, Uri? baseAddress) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (baseAddress is null)
        {
            return HealthCheckResult.Degraded($"{source}: no base address configured (Sources:{source}:Http:BaseAddress)");
        }

        try
        {
            using var client = clients.CreateClient("health");
            client.Timeout = TimeSpan.FromSeconds(5);
            using var response = await client.GetAsync(baseAddress, cancellationToken);
            return HealthCheckResult.Healthy($"{source}: HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Degraded($"{source}: {baseAddress} did not answer: {e.Message}");
        }
    }
}
