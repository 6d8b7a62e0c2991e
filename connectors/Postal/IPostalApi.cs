using Refit;

namespace Pipeline.Connectors.Postal;

/// <summary>
/// The operator's endpoints of CONTRACT.md. Each returns the raw response: the connector lands export files as the
/// bytes received, and files go through the same resilience pipeline (and Repr-Digest check) as the JSON calls.
/// </summary>
public interface IPostalApi
{
    [Get("/api/v1/postcodes")]
    Task<HttpResponseMessage> GetPostcodesAsync([Header("X-Api-Key")] string apiKey, int page, int size, CancellationToken cancellationToken);

    [Get("/api/v1/exports/{period}/index.json")]
    Task<HttpResponseMessage> GetExportIndexAsync([Header("X-Api-Key")] string apiKey, string period, CancellationToken cancellationToken);

    [Get("/api/v1/exports/{period}/{file}")]
    Task<HttpResponseMessage> GetExportFileAsync([Header("X-Api-Key")] string apiKey, string period, string file, CancellationToken cancellationToken);
}
