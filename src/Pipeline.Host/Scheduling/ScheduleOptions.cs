namespace Pipeline.Host.Scheduling;

/// <summary>
/// The nightly pull of one source (<c>Schedules:&lt;source&gt;</c>): when, whether, and how many of its pulls may run
/// at once in this host.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>Cron expression in Vietnam time (Asia/Ho_Chi_Minh); default 02:00 every night.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    public bool Enabled { get; set; } = true;

    /// <summary>Workers this host gives the source's queue: at most this many of its pulls (backfill periods) at once.</summary>
    public int Concurrency { get; set; } = 1;
}
