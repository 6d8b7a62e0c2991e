using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Intake;
using Pipeline.Simulators.Emc;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Health;
using Pipeline.Simulators.Portal;
using Pipeline.Simulators.Postal;
using Pipeline.Simulators.Synthetic;
using Pipeline.Simulators.Telecom;
using Pipeline.Simulators.Vneid;

namespace Pipeline.Simulators;

/// <summary>
/// The six simulators as stand-ins for the national sources (SIMULATED data): each started on loopback when a pull
/// asks for its source, with the faults given switched on, publishing synthetic data up to one shared clock.
/// </summary>
/// <param name="provinces">The 2025 provinces the simulators publish (null: all); printed with each stand-in.</param>
/// <param name="faults">Faults switched on in every simulator started (the bench's faulted pull); none by default.</param>
public sealed class SimulatedSources(
    SimulationData data, SimulationClock clock, IReadOnlySet<string>? provinces = null, IReadOnlyList<FaultRule>? faults = null) : ISourceStandIns
{
    // Each simulator with the credentials it accepts, as the connector's configuration keys.
    private static readonly Dictionary<string, (Func<SimulationData, SimulationClock, SimulatedSource> Create, Dictionary<string, string?> Credentials)> Catalog =
        new(StringComparer.Ordinal)
        {
            ["vneid"] = ((d, c) => new VneidSimulator(d, c), new() { ["ApiToken"] = VneidSimulator.Token }),
            ["portal"] = ((d, c) => new PortalSimulator(d, c), []),
            ["emc"] = ((d, c) => new EmcSimulator(d, c), new() { ["ApiKey"] = EmcSimulator.ApiKey }),
            ["telecom"] = ((d, c) => new TelecomSimulator(d, c), new() { ["Username"] = TelecomSimulator.Username, ["Password"] = TelecomSimulator.Password }),
            ["postal"] = ((d, c) => new PostalSimulator(d, c), new() { ["ApiKey"] = PostalSimulator.ApiKey }),
            ["health"] = ((d, c) => new HealthSimulator(d, c), new() { ["ApiToken"] = HealthSimulator.Token }),
        };

    /// <summary>The sources a simulator exists for.</summary>
    public static IReadOnlyCollection<string> Names => Catalog.Keys;

    /// <summary>Stand-ins publishing the given provinces of the admin units (all when null) up to the default clock.</summary>
    public static SimulatedSources For(AdminUnitSet units, IReadOnlySet<string>? provinces = null, IReadOnlyList<FaultRule>? faults = null) =>
        new(SimulationData.From(units, provinces), new SimulationClock(), provinces, faults);

    /// <summary>The named source's simulator, not started (the `simulate` command starts it on a port of its choosing).</summary>
    public static SimulatedSource Create(string source, SimulationData data, SimulationClock clock) =>
        Catalog.TryGetValue(source, out var entry)
            ? entry.Create(data, clock)
            : throw new ArgumentException($"no simulator for source \"{source}\" (known: {string.Join(", ", Catalog.Keys)})", nameof(source));

    public DateTimeOffset AsOf => clock.AsOf;

    public Period LatestPublished(PeriodKind cadence)
    {
        var publication = cadence == PeriodKind.Month ? Publication.Monthly : Publication.Quarterly;
        var date = DateOnly.FromDateTime(clock.AsOf.UtcDateTime);
        var period = cadence == PeriodKind.Month ? Period.Month(date.Year, date.Month) : Period.Parse($"{date.Year}-Q{((date.Month - 1) / 3) + 1}");
        while (publication.FirstPublished(period) > clock.AsOf)
        {
            period = period.Previous();
        }

        return period;
    }

    public IStandIn Start(string source)
    {
        var simulator = Create(source, data, clock).Start();
        foreach (var fault in faults ?? [])
        {
            simulator.Faults.Add(fault);
        }

        var settings = new Dictionary<string, string?>(Catalog[source].Credentials, StringComparer.Ordinal) { ["Http:BaseAddress"] = simulator.Url.ToString() };
        var scope = provinces is null ? "" : $", provinces {string.Join(' ', provinces.Order(StringComparer.Ordinal))} only";
        return new Running(simulator, settings, $"SIMULATED source {source} on {simulator.Url} (synthetic data as of {clock.AsOf:yyyy-MM-dd}{scope})");
    }

    private sealed record Running(SimulatedSource Simulator, IReadOnlyDictionary<string, string?> Settings, string Description) : IStandIn
    {
        public void Dispose() => Simulator.Dispose();
    }
}
