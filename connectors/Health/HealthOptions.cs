using System.ComponentModel.DataAnnotations;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Health;

/// <summary>Bound from <c>Sources:health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>Rate limit 5 requests/s per the contract.</summary>
    public SourceHttpOptions Http { get; set; } = new() { RequestsPerSecond = 5 };

    /// <summary>The bearer token issued to the province (a secret: from the environment, never the repository).</summary>
    [Required]
    public string ApiToken { get; set; } = "";

    /// <summary>Items per page on both endpoints; the contract allows 1 to 1,000.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 500;
}
