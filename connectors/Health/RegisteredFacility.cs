using Pipeline.Intake;

namespace Pipeline.Connectors.Health;

/// <summary>A facility as the registry lists it, accepted.</summary>
/// <param name="Kind">TYT commune health station, BV hospital, PK clinic.</param>
/// <param name="CommuneCode">MA_XA: the 2025 commune it sits in.</param>
internal sealed record RegisteredFacility(string Code, string Name, string Kind, string CommuneCode)
{
    public const string Station = "TYT";
    public const string Hospital = "BV";
    public const string Clinic = "PK";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { Station, Hospital, Clinic };

    /// <summary>Keyed by MA_CSKCB, labelled "TEN_CSKCB | MA_XA": the label is what the mapping to communes is built from.</summary>
    public UnitKey Key => new(UnitKeyKind.SourceId, Code, $"{Name} | {CommuneCode}");
}
