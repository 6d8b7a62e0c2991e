using Refit;

namespace Pipeline.Connectors.Telecom;

/// <summary>
/// The operators' file drop of CONTRACT.md. Both calls return the raw response: the connector lands file bytes exactly
/// as received, and fetching files through Refit puts them behind the same resilience pipeline as any API call (a
/// truncated download fails the Repr-Digest check there and is retried).
/// </summary>
public interface ITelecomApi
{
    [Get("/feeds/index.json")]
    Task<HttpResponseMessage> GetIndexAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken);

    [Get("/feeds/files/{file}")]
    Task<HttpResponseMessage> GetFileAsync([Header("Authorization")] string authorization, string file, CancellationToken cancellationToken);
}
