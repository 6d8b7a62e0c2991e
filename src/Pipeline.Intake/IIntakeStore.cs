using Pipeline.Core.Periods;

namespace Pipeline.Intake;

/// <summary>Opens and closes runs. A store serialises runs of the same source and period (concurrent runs wait).</summary>
public interface IIntakeStore
{
    Task<IIntakeRun> BeginRunAsync(SourceDescriptor source, Period period, CancellationToken cancellationToken);
}

/// <summary>A run in progress: its session, and how it ends.</summary>
public interface IIntakeRun : IAsyncDisposable
{
    IIntakeSession Session { get; }

    /// <summary>Marks the run succeeded and returns its counts.</summary>
    Task<RunReport> SucceedAsync(CancellationToken cancellationToken);

    /// <summary>Marks the run failed with the error; pages already committed stay, for the next run to resume from.</summary>
    Task<RunReport> FailAsync(string error, CancellationToken cancellationToken);
}
