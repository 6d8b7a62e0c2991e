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
/// <param name="Era">The unit map the source's codes, names or labels belong to.</param>
/// <param name="Description">One line for operators: "own agency ids (ID, MA_COQUAN)", "2024 codes".</param>
/// <param name="Labels">How the label beside a source's own id reads, so the normaliser can map the id to a unit.</param>
public sealed record UnitKeying(UnitKeyKind Kind, Core.Units.Era Era, string Description, UnitLabelShape Labels = UnitLabelShape.None);

/// <summary>The shape of the label a source writes beside its own unit id (<see cref="UnitKey.Label"/>).</summary>
public enum UnitLabelShape
{
    /// <summary>No label the normaliser can read: ids map only through steward mappings.</summary>
    None,

    /// <summary><c>[UBND ]&lt;commune&gt; - &lt;province&gt;</c>: <c>UBND phường Ba Đình - thành phố Hà Nội</c>.</summary>
    CommuneDashProvince,

    /// <summary><c>&lt;commune&gt;, &lt;province&gt;</c>: <c>Phường Ba Đình, Thành phố Hà Nội</c>.</summary>
    CommuneCommaProvince,

    /// <summary>
    /// <c>&lt;facility name&gt; | &lt;commune code&gt;</c>: the id is a facility inside a commune of the keying's era, so
    /// several ids add up to one commune.
    /// </summary>
    FacilityInCommune,
}
