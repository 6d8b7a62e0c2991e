using System.ComponentModel.DataAnnotations;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Portal;

/// <summary>Bound from <c>Sources:portal</c>. The gateway needs no credentials.</summary>
public sealed class PortalOptions
{
    /// <summary>Rate limit 5 requests/s per the contract (the gateway answers 429 with Retry-After above it).</summary>
    public SourceHttpOptions Http { get; set; } = new() { RequestsPerSecond = 5 };

    /// <summary>Rows per page (<c>pageSize</c>); the contract allows 1 to 1,000.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 500;
}
