using Pipeline.Core.Periods;

namespace Pipeline.Intake;

/// <summary>
/// Runs one connector for one period: opens the run, lets the connector pull, and records success or the error.
/// A failed run is reported, not thrown, so one failing source never stops the others; cancellation still throws.
/// </summary>
public sealed class IntakeRunner(IIntakeStore store)
{
    public async Task<RunReport> RunAsync(ISourceConnector connector, Period period, CancellationToken cancellationToken)
    {
        if (period.Kind != connector.Source.Cadence)
        {
            throw new ArgumentException(
                $"{connector.Source.Name} publishes {connector.Source.Cadence.ToString().ToLowerInvariant()} periods; '{period}' is not one");
        }

        await using var run = await store.BeginRunAsync(connector.Source, period, cancellationToken);
        try
        {
            await connector.PullAsync(run.Session, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await run.FailAsync(Describe(e), CancellationToken.None);
        }

        return await run.SucceedAsync(cancellationToken);
    }

    private static string Describe(Exception e) =>
        e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.GetType().Name}: {e.Message} ({inner.GetType().Name}: {inner.Message})"
            : $"{e.GetType().Name}: {e.Message}";
}
