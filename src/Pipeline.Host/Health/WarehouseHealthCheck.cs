using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Pipeline.Host.Health;

/// <summary>The warehouse answers a query.</summary>
public sealed class WarehouseHealthCheck(NpgsqlDataSource warehouse) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = warehouse.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"warehouse: {e.Message}");
        }
    }
}
