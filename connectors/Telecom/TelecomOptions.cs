using System.ComponentModel.DataAnnotations;
using Pipeline.Intake;
using Pipeline.Intake.Http;

namespace Pipeline.Connectors.Telecom;

/// <summary>Bound from <c>Sources:telecom</c>.</summary>
public sealed class TelecomOptions
{
    /// <summary>The drop allows 2 requests/s per account (CONTRACT.md); files are up to about 1 MB.</summary>
    public SourceHttpOptions Http { get; set; } = new() { RequestsPerSecond = 2 };

    /// <summary>The province's account on the drop (HTTP Basic).</summary>
    [Required]
    public string Username { get; set; } = "";

    /// <summary>The account's password (a secret: from the environment, never the repository).</summary>
    [Required]
    public string Password { get; set; } = "";

    /// <summary>
    /// The share of a file's lines that may be quarantined (bad quoting, wrong field count, bad values) before the file
    /// is refused whole and the run fails: above it the export is broken, not a few lines.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxBadLineShare { get; set; } = BadLineLimit.DefaultMaxShare;
}
