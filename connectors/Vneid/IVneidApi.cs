using Refit;

namespace Pipeline.Connectors.Vneid;

/// <summary>The aggregates endpoint of CONTRACT.md. Returns the raw response: the connector lands the bytes as received.</summary>
public interface IVneidApi
{
    [Get("/api/v1/aggregates")]
    Task<HttpResponseMessage> GetAggregatesAsync(
        [Header("Authorization")] string authorization,
        string period,
        [AliasAs("updated_since")] string? updatedSince,
        string? cursor,
        int limit,
        CancellationToken cancellationToken);
}
