namespace Pipeline.Warehouse.Reconciliation;

/// <summary>What one detection run changed for a source's measures in a period, and how many rows each status has now.</summary>
/// <param name="Statuses">Rows per status (agreed, settled, open, resolved, withdrawn) of the measures in the period after the run.</param>
public sealed record ReconciliationReport(
    string Source,
    string Period,
    IReadOnlyList<string> Measures,
    int Detected,
    int Changed,
    int Reopened,
    int Withdrawn,
    IReadOnlyDictionary<string, int> Statuses,
    TimeSpan Duration)
{
    public int Count(string status) => Statuses.GetValueOrDefault(status);

    /// <summary>Conflicting rows (settled, open or resolved).</summary>
    public int Conflicts => ReconciliationStatus.Conflicts.Sum(Count);

    public static ReconciliationReport Nothing(string source, string period, TimeSpan duration) =>
        new(source, period, [], 0, 0, 0, 0, new Dictionary<string, int>(), duration);
}
