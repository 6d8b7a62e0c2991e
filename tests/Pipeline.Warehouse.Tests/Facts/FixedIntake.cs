using System.Text;
using Pipeline.Intake;

namespace Pipeline.Warehouse.Tests.Facts;

/// <summary>A connector that lands the records it is given as one page, for loading tests that need intake rows.</summary>
internal sealed class FixedIntake(SourceDescriptor source, params SourceRecord[] records) : ISourceConnector
{
    public SourceDescriptor Source => source;

    public Task PullAsync(IIntakeSession session, CancellationToken cancellationToken)
    {
        // The body is the records themselves, so changed values make a new payload and identical ones the same.
        var body = Encoding.UTF8.GetBytes(string.Join('\n', records.Select(r => r.ToString())));
        var page = new LandedPage(
            new FetchedPayload("s", "fixed page", "text/plain", body, TimeProvider.System.GetUtcNow()),
            [.. records.Select(r => r with { Period = session.Period.ToString() })],
            [],
            "done");
        return session.CommitPageAsync(page, cancellationToken);
    }
}
