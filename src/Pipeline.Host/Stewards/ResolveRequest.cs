namespace Pipeline.Host.Stewards;

/// <summary>
/// The body of <c>POST /api/conflicts/{id}/resolve</c>: either <see cref="Accept"/> ("source/stream") or an override
/// (<see cref="Numerator"/> or <see cref="Value"/>, with <see cref="Reason"/> and <see cref="Evidence"/>).
/// </summary>
public sealed record ResolveRequest(string? Accept, decimal? Numerator, decimal? Denominator, decimal? Value, string? Reason, string? Evidence);
