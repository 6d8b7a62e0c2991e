namespace Pipeline.Warehouse.Facts;

/// <summary>The counts of one load of one source and period, as stored in <c>fact.load_run</c>.</summary>
/// <param name="RowsRead">Intake records of the source and period read.</param>
/// <param name="Withdrawn">Facts no longer produced (their records now quarantined or mapped elsewhere), kept in history.</param>
/// <param name="Quarantined">Records not placed on a unit by this load.</param>
/// <param name="Released">Records quarantined before and placed by this load.</param>
public sealed record LoadReport(
    long LoadRunId,
    string Source,
    string Period,
    string Status,
    string? Error,
    int RowsRead,
    int Inserted,
    int Unchanged,
    int Revised,
    int Withdrawn,
    int Quarantined,
    int Released,
    TimeSpan Duration);
