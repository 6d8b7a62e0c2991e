using Refit;

namespace Pipeline.Connectors.Emc;

/// <summary>
/// The two endpoints of CONTRACT.md. Both return the raw response: the connector lands the bytes as received, and
/// the shared resilience pipeline (not this interface) handles retries and the 5 requests/s limit.
/// </summary>
public interface IEmcApi
{
    [Get("/api/v2/units")]
    Task<HttpResponseMessage> GetUnitsAsync(
        [Header("X-API-Key")] string apiKey,
        int page,
        int size,
        CancellationToken cancellationToken);

    [Get("/api/v2/dossier-stats")]
    Task<HttpResponseMessage> GetDossierStatsAsync(
        [Header("X-API-Key")] string apiKey,
        string month,
        int page,
        int size,
        string? modifiedSince,
        string? modifiedUntil,
        CancellationToken cancellationToken);
}
