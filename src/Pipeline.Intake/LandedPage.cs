namespace Pipeline.Intake;

/// <summary>
/// One unit of progress: a fetched page or file, what was accepted and quarantined from it, and the stream's
/// cursor after it. <see cref="IIntakeSession.CommitPageAsync"/> stores all of it in one transaction, so a run
/// killed between pages resumes from the cursor and never leaves a page half-stored.
/// </summary>
/// <param name="CursorAfter">The stream's cursor once this page is stored (the connector's own JSON).</param>
public sealed record LandedPage(
    FetchedPayload Payload,
    IReadOnlyList<SourceRecord> Records,
    IReadOnlyList<QuarantinedRecord> Quarantined,
    string CursorAfter);
