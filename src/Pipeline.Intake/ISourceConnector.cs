namespace Pipeline.Intake;

/// <summary>
/// One national source system. A connector fetches what changed since the stream cursors in the session, lands
/// each page with its records through <see cref="IIntakeSession.CommitPageAsync"/>, and throws when the source
/// cannot be read (after the resilience pipeline has done its retries); the runner records the failure.
/// </summary>
public interface ISourceConnector
{
    SourceDescriptor Source { get; }

    Task PullAsync(IIntakeSession session, CancellationToken cancellationToken);
}
