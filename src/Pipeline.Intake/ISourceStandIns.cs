using Pipeline.Core.Periods;

namespace Pipeline.Intake;

/// <summary>
/// Systems that answer in the national sources' place. The bundled simulators are the one implementation; the demo,
/// the bench, the simulated host and the tests bring them in, the product's host and jobs never reference them. A pull
/// given stand-ins points each connector at its stand-in and records what it fetched as simulated.
/// </summary>
public interface ISourceStandIns
{
    /// <summary>The date the stand-ins publish up to (a scheduled pull's "now").</summary>
    DateTimeOffset AsOf { get; }

    /// <summary>The latest period of the cadence the stand-ins have published by <see cref="AsOf"/>: what a pull asked for no period takes.</summary>
    Period LatestPublished(PeriodKind cadence);

    /// <summary>Starts the named source's stand-in; disposing the result stops it.</summary>
    IStandIn Start(string source);
}

/// <summary>One running stand-in.</summary>
public interface IStandIn : IDisposable
{
    /// <summary>
    /// Configuration values, relative to the source's <c>Sources:&lt;name&gt;</c> section, that point its connector here
    /// (<c>Http:BaseAddress</c> and the credentials the stand-in accepts). Keys a user would write in appsettings.json,
    /// so a connector is configured for a stand-in exactly as for the real system.
    /// </summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>One line for the log: what answers, where, and that its data is simulated.</summary>
    string Description { get; }
}
