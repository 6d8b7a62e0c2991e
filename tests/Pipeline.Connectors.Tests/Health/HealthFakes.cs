using System.Net;
using System.Text;
using Pipeline.Connectors.Health;
using Pipeline.Core.Periods;
using Pipeline.Intake;

namespace Pipeline.Connectors.Tests.Health;

/// <summary>
/// The health API answering fixed payloads (the contract's samples, or variants of them), recording what was asked.
/// Lets the contract tests drive the public connector without a server or a database.
/// </summary>
internal sealed class FakeHealthApi(Func<int, string> facilities, Func<string, int, string?, string> statistics) : IHealthApi
{
    public List<string> Calls { get; } = [];

    public Task<HttpResponseMessage> GetFacilitiesAsync(string authorization, int page, int size, CancellationToken cancellationToken)
    {
        Calls.Add($"facilities page={page} size={size}");
        return Task.FromResult(Json(facilities(page)));
    }

    public Task<HttpResponseMessage> GetStatisticsAsync(
        string authorization, string ky, int page, int size, string? updatedAfter, CancellationToken cancellationToken)
    {
        Calls.Add($"statistics ky={ky} page={page} size={size} updated_after={updatedAfter}");
        return Task.FromResult(Json(statistics(ky, page, updatedAfter)));
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>An intake session kept in memory: the pages committed, the cursors, the refusals.</summary>
internal sealed class MemorySession(Period period) : IIntakeSession
{
    public Dictionary<string, string> Cursors { get; } = [];

    public List<LandedPage> Pages { get; } = [];

    public List<string> Rejected { get; } = [];

    public long RunId => 1;

    public SourceDescriptor Source => HealthConnector.Descriptor;

    public Period Period => period;

    public IEnumerable<SourceRecord> Records => Pages.SelectMany(p => p.Records);

    public IEnumerable<QuarantinedRecord> Quarantined => Pages.SelectMany(p => p.Quarantined);

    public Task<string?> ReadCursorAsync(string stream, CancellationToken cancellationToken) =>
        Task.FromResult(Cursors.GetValueOrDefault(stream));

    public Task CommitPageAsync(LandedPage page, CancellationToken cancellationToken)
    {
        Pages.Add(page);
        Cursors[page.Payload.Stream] = page.CursorAfter;
        return Task.CompletedTask;
    }

    public List<FetchedPayload> References { get; } = [];

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
