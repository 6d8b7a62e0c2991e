using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Intake.Http;

/// <summary>
/// Sits inside the resilience pipeline and turns a broken body into a transient failure, so the same retry that
/// handles 503s also handles what a flaky gateway does to bodies: an empty 200, a JSON body cut off or garbled, a
/// file whose bytes do not match the <c>Repr-Digest</c> the server sent (a truncated download). Without this, the
/// failure would only surface after the pipeline had returned, in parsing, where nothing retries it.
/// </summary>
internal sealed class PayloadCheckHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        // Buffer the body here: the checks need all of it, and the connector lands it whole anyway.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var what = $"{request.Method} {request.RequestUri?.PathAndQuery}";
        if (body.Length == 0)
        {
            throw new PayloadIntegrityException($"{what}: empty body with status {(int)response.StatusCode}");
        }

        if (DigestOf(response.Headers) is { } expected && !expected.AsSpan().SequenceEqual(SHA256.HashData(body)))
        {
            throw new PayloadIntegrityException($"{what}: {body.Length} bytes do not match the Repr-Digest the server sent (truncated?)");
        }

        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new PayloadIntegrityException($"{what}: body is not valid JSON ({e.Message})");
            }
        }

        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replacement;
        return response;
    }

    // RFC 9530: Repr-Digest: sha-256=:<base64>:
    private static byte[]? DigestOf(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Repr-Digest", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            var trimmed = value.Trim();
            if (trimmed.StartsWith("sha-256=:", StringComparison.OrdinalIgnoreCase) && trimmed.EndsWith(':'))
            {
                return Convert.FromBase64String(trimmed["sha-256=:".Length..^1]);
            }
        }

        return null;
    }
}
