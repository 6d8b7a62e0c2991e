using System.ComponentModel.DataAnnotations;

namespace Pipeline.Intake.Http;

/// <summary>
/// The HTTP settings every source has, bound from <c>Sources:&lt;name&gt;:Http</c>. The defaults suit the real
/// systems' published limits; tests shorten the delays so fault scenarios run in seconds.
/// </summary>
public sealed class SourceHttpOptions
{
    /// <summary>Where the source (or its simulator) listens.</summary>
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>The most requests per second the source's contract allows; the client never sends faster.</summary>
    [Range(0.1, 1000)]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take over all its attempts.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt. A Retry-After header from the source overrides the back-off delay.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open after the source keeps failing.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
