namespace Pipeline.Intake.Http;

/// <summary>A body that arrived broken (empty, garbled JSON, digest mismatch); retried like a network error.</summary>
public sealed class PayloadIntegrityException(string message) : HttpRequestException(message);
