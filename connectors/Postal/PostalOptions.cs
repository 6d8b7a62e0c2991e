using System.ComponentModel.DataAnnotations;
using Pipeline.Intake;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Postal;

/// <summary>Bound from <c>Sources:postal</c>.</summary>
public sealed class PostalOptions
{
    /// <summary>The contract allows 5 requests/s per key.</summary>
    public SourceHttpOptions Http { get; set; } = new() { RequestsPerSecond = 5 };

    /// <summary>The API key the operator issued to the province (a secret: from the environment, never the repository).</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>Postcodes per registry page; the contract allows 1 to 1,000.</summary>
    [Range(1, 1000)]
    public int RegistryPageSize { get; set; } = 1000;

    /// <summary>
    /// The share of a file's lines that may be quarantined (bad quoting, wrong field count, bad values) before the file
    /// is refused whole and the run fails: above it the export is broken, not a few lines.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxBadLineShare { get; set; } = BadLineLimit.DefaultMaxShare;
}
