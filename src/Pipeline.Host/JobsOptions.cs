namespace Pipeline.Host;

/// <summary>How this host runs jobs (<c>Jobs:*</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Retries of a failed job before it is marked failed in the dashboard.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Waits before each retry, in seconds (back-off).</summary>
    public int[] RetryDelaysSeconds { get; set; } = [60, 300, 1800];
}
