using Pipeline.Simulators.Synthetic;

namespace Pipeline.Simulators.Health;

/// <summary>
/// One SIMULATED facility of the health registry: its own code (<c>MA_CSKCB</c>), name, kind and the 2025 commune
/// it sits in. Kinds follow the contract: <c>TYT</c> commune health station, <c>BV</c> hospital, <c>PK</c> clinic.
/// </summary>
public sealed record HealthFacility(string Code, string Name, string Kind, Commune Commune)
{
    public const string Station = "TYT";
    public const string Hospital = "BV";
    public const string Clinic = "PK";
}
