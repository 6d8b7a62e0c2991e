using System.ComponentModel.DataAnnotations;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Emc;

/// <summary>Bound from <c>Sources:emc</c>.</summary>
public sealed class EmcOptions
{
    /// <summary>Rate limit 5 requests/s per the contract.</summary>
    public SourceHttpOptions Http { get; set; } = new() { RequestsPerSecond = 5 };

    /// <summary>The X-API-Key issued to the province (a secret: from the environment, never the repository).</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>Items per dossier-stats page; the contract allows 1 to 1,000.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Items per unit-list page; the contract allows 1 to 5,000, so the whole list (3,321 units) normally comes in
    /// one request. Few requests for reference data also keep a failing run from tripping the circuit breaker on
    /// successes alone (it counts every call in its window).
    /// </summary>
    [Range(1, 5000)]
    public int UnitPageSize { get; set; } = 5000;
}
