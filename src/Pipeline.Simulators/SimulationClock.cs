namespace Pipeline.Simulators;

/// <summary>
/// The simulators' "today", fixed rather than read from the machine so that the data served is reproducible. The
/// default, 2025-12-15, makes 2025-11 the latest month published and lets revisions of earlier months show.
/// </summary>
public sealed class SimulationClock(DateTimeOffset asOf)
{
    public static readonly DateTimeOffset DefaultAsOf = new(2025, 12, 15, 0, 0, 0, TimeSpan.Zero);

    public SimulationClock()
        : this(DefaultAsOf)
    {
    }

    public DateTimeOffset AsOf { get; set; } = asOf;
}
