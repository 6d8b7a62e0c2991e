using Pipeline.Core.Periods;
using Pipeline.Intake;

namespace Pipeline.Connectors.Tests.Support;

/// <summary>
/// An intake session in memory, for the contract tests: they check how a connector reads the contract's payloads
/// and moves its cursor, without a database. The conformance suite runs the same connectors against PostgreSQL.
/// </summary>
/// <param name="cursors">Cursors by stream; pass one dictionary to several sessions to chain runs of one period.</param>
public sealed class MemorySession(SourceDescriptor source, Period period, Dictionary<string, string>? cursors = null) : IIntakeSession
{
    public Dictionary<string, string> Cursors { get; } = cursors ?? [];

    public List<LandedPage> Pages { get; } = [];

    /// <summary>Refusals as "stream: reason".</summary>
    public List<string> Rejected { get; } = [];

    public List<FetchedPayload> References { get; } = [];

    public IEnumerable<SourceRecord> Records => Pages.SelectMany(p => p.Records);

    public IEnumerable<QuarantinedRecord> Quarantined => Pages.SelectMany(p => p.Quarantined);

    public long RunId => 1;

    public SourceDescriptor Source => source;

    public Period Period => period;

    public Task<string?> ReadCursorAsync(string stream, CancellationToken cancellationToken) => Task.FromResult(Cursors.GetValueOrDefault(stream));

    public Task CommitPageAsync(LandedPage page, CancellationToken cancellationToken)
    {
        Pages.Add(page);
        Cursors[page.Payload.Stream] = page.CursorAfter;
        return Task.CompletedTask;
    }

    public Task LandReferenceAsync(FetchedPayload payload, CancellationToken cancellationToken)
    {
        References.Add(payload);
        return Task.CompletedTask;
    }

    public Task RecordRejectedPayloadAsync(string stream, string request, int sizeBytes, string reason, CancellationToken cancellationToken)
    {
        Rejected.Add($"{stream}: {reason}");
        return Task.CompletedTask;
    }

    public Task CommitCursorAsync(string stream, string cursor, CancellationToken cancellationToken)
    {
        Cursors[stream] = cursor;
        return Task.CompletedTask;
    }
}
