namespace Pipeline.Host;

/// <summary>How this host runs jobs (<c>Jobs:*</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Start the bundled simulators for each pull (SIMULATED data) instead of calling the configured sources.</summary>
    public bool UseSimulators { get; set; }

    /// <summary>Retries of a failed job before it is marked failed in the dashboard.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Waits before each retry, in seconds (back-off).</summary>
    public int[] RetryDelaysSeconds { get; set; } = [60, 300, 1800];
}
