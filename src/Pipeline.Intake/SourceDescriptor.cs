using Pipeline.Core.Periods;

namespace Pipeline.Intake;

/// <summary>
/// What a connector declares about its source: its name, how the source keys units (nothing is guessed from the
/// code alone, SPEC section 4), the period shape it publishes, and whether it is a simulator.
/// </summary>
/// <param name="Name">Short lower-case name used on the command line and in every table (<c>portal</c>, <c>vneid</c>).</param>
/// <param name="Keying">How the source identifies a unit.</param>
/// <param name="Cadence">The period shape the source publishes; a pull for another shape is refused.</param>
/// <param name="Streams">The streams (endpoints or file families) the connector pulls; each has its own cursor.</param>
public sealed record SourceDescriptor(
    string Name,
    string Title,
    UnitKeying Keying,
    PeriodKind Cadence,
    IReadOnlyList<string> Streams);

/// <summary>How a source writes a unit reference, with the era its keys belong to.</summary>
/// <param name="Kind">Statistics-office code, full name, or the source's own identifier.</param>
/// <param name="Era">The unit map the source's codes or names belong to; null for the source's own ids.</param>
/// <param name="Description">One line for operators: "own agency ids (ID, MA_COQUAN)", "2024 codes".</param>
public sealed record UnitKeying(UnitKeyKind Kind, Core.Units.Era? Era, string Description);
