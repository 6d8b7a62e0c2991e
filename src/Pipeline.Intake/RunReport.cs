namespace Pipeline.Intake;

/// <summary>The counts of one run, as stored in intake.run.</summary>
/// <param name="PagesUnchanged">Pages whose payload was byte-identical to one already landed; their records were not re-merged.</param>
/// <param name="RecordsUnchanged">Records equal to what was already stored.</param>
/// <param name="RecordsRevised">Records whose values changed since an earlier run (the previous values are kept).</param>
public sealed record RunReport(
    long RunId,
    string Source,
    string Period,
    string Status,
    string? Error,
    int PagesLanded,
    int PagesUnchanged,
    int RecordsRead,
    int RecordsInserted,
    int RecordsRevised,
    int RecordsUnchanged,
    int Quarantined,
    int PayloadsRejected,
    TimeSpan Duration);
