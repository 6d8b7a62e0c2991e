using Pipeline.Core.Periods;

namespace Pipeline.Intake;

/// <summary>
/// The landing zone for one run of one source and period, handed to <see cref="ISourceConnector.PullAsync"/>.
/// Everything a connector stores goes through here; Pipeline.Warehouse implements it on PostgreSQL.
/// </summary>
public interface IIntakeSession
{
    long RunId { get; }

    SourceDescriptor Source { get; }

    Period Period { get; }

    /// <summary>The stream's cursor for this period as last committed, or null before its first page.</summary>
    Task<string?> ReadCursorAsync(string stream, CancellationToken cancellationToken);

    /// <summary>Stores the page's payload, records, quarantined records and cursor in one transaction.</summary>
    Task CommitPageAsync(LandedPage page, CancellationToken cancellationToken);

    /// <summary>
    /// Lands a payload the records are checked or labelled against (a unit list, a postcode registry, a file
    /// index) for lineage, without records and without counting it as a page. A byte-identical one is stored once.
    /// Call it only for a payload that passed <see cref="PersonalData.PersonalDataGuard"/>.
    /// </summary>
    Task LandReferenceAsync(FetchedPayload payload, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a payload was refused whole (it carried personal data): the request, its size and the reason,
    /// and nothing of its content, not even its hash.
    /// </summary>
    Task RecordRejectedPayloadAsync(string stream, string request, int sizeBytes, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the stream's cursor on its own, for a step that fetched nothing new (the incremental case) so the
    /// next run starts from the newer watermark.
    /// </summary>
    Task CommitCursorAsync(string stream, string cursor, CancellationToken cancellationToken);
}
