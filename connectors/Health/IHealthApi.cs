using Refit;

namespace Pipeline.Connectors.Health;

/// <summary>The two endpoints of CONTRACT.md. Both return the raw response: the connector lands the bytes as received.</summary>
public interface IHealthApi
{
    /// <summary>The facility registry (MA_CSKCB, kind, commune), page by page.</summary>
    [Get("/api/v1/facilities")]
    Task<HttpResponseMessage> GetFacilitiesAsync(
        [Header("Authorization")] string authorization,
        int page,
        int size,
        CancellationToken cancellationToken);

    /// <summary>Monthly figures per facility for one month (<c>ky</c>), optionally only those updated after a date-time.</summary>
    [Get("/api/v1/statistics")]
    Task<HttpResponseMessage> GetStatisticsAsync(
        [Header("Authorization")] string authorization,
        string ky,
        int page,
        int size,
        [AliasAs("updated_after")] string? updatedAfter,
        CancellationToken cancellationToken);
}
