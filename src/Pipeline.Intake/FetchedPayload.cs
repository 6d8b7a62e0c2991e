namespace Pipeline.Intake;

/// <summary>
/// Bytes exactly as a source sent them, with the request that produced them. Landed as they are (with their
/// SHA-256) before anything is parsed out of them, so every record can be traced back to its payload.
/// </summary>
/// <param name="Request">Method, path and parameters (never credentials): <c>POST /jsp/rest.jsp service=... pageIndex=3</c>.</param>
public sealed record FetchedPayload(string Stream, string Request, string ContentType, byte[] Content, DateTimeOffset FetchedAt);
