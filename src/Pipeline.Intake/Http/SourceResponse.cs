using Pipeline.Intake.PersonalData;

namespace Pipeline.Intake.Http;

/// <summary>Turns a source's HTTP response into a <see cref="FetchedPayload"/>, or an error naming the request.</summary>
public static class SourceResponse
{
    /// <summary>
    /// Reads the body of a successful response. A failure status (what is left once the resilience pipeline gave
    /// up) throws with the status and the start of the body, so the run history says what the source said.
    /// </summary>
    public static async Task<FetchedPayload> ReadAsync(
        HttpResponseMessage response, string stream, string request, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)));
            throw new HttpRequestException($"{request}: HTTP {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new FetchedPayload(stream, request, contentType, body, clock.GetUtcNow());
    }

    /// <summary>
    /// <see cref="ReadAsync"/> for a JSON body, then the personal-data guard: a payload carrying a personal identifier
    /// is refused whole (<see cref="PersonalDataRefusal"/>) and the run fails. Every JSON source reads through here.
    /// </summary>
    public static async Task<FetchedPayload> ReadJsonAsync(
        IIntakeSession session, HttpResponseMessage response, string stream, string request, TimeProvider clock, CancellationToken cancellationToken)
    {
        var payload = await ReadAsync(response, stream, request, clock, cancellationToken);
        if (PersonalDataGuard.FindInJson(payload.Content) is { } finding)
        {
            await PersonalDataRefusal.RefuseAsync(session, payload, finding, cancellationToken);
        }

        return payload;
    }
}
