using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Intake;
using Pipeline.Simulators;
using Pipeline.Simulators.Faults;
using Pipeline.Simulators.Synthetic;
using Pipeline.Warehouse.Intake;

namespace Pipeline.Jobs.Sources;

/// <summary>
/// Pulls one period from each chosen source, one source after another, each a run of its own: a source that fails
/// is reported and the others still run. With simulators, each source's simulator is started on loopback first and
/// its connector pointed at it; the report says the data is simulated.
/// </summary>
/// <param name="simulatedProvinces">With simulators, the 2025 provinces they publish (null: all).</param>
/// <param name="simulatedFaults">With simulators, faults switched on in each of them (none by default).</param>
public sealed class SourcePulls(
    IConfiguration configuration,
    TimeProvider time,
    AdminUnitSet units,
    TextWriter log,
    IReadOnlySet<string>? simulatedProvinces = null,
    IReadOnlyList<FaultRule>? simulatedFaults = null)
{
    public async Task<IReadOnlyList<RunReport>> RunAsync(
        IReadOnlyList<SourceEntry> sources, IReadOnlyList<Period> periods, bool simulated, NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var clock = new SimulationClock();
        var data = simulated ? SimulationData.From(units, simulatedProvinces) : null;
        var simulators = new List<SimulatedSource>();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(units);
        try
        {
            foreach (var source in sources)
            {
                var simulator = data is null ? null : source.CreateSimulator(data, clock).Start();
                if (simulator is not null)
                {
                    simulators.Add(simulator);
                    foreach (var fault in simulatedFaults ?? [])
                    {
                        simulator.Faults.Add(fault);
                    }

                    var scope = simulatedProvinces is null ? "" : $", provinces {string.Join(' ', simulatedProvinces.Order(StringComparer.Ordinal))} only";
                    log.WriteLine($"SIMULATED source {source.Name} on {simulator.Url} (synthetic data as of {clock.AsOf:yyyy-MM-dd}{scope})");
                }

                source.Register(services, configuration.GetSection($"Sources:{source.Name}"), simulator);
            }

            await using var provider = services.BuildServiceProvider();
            var runner = new IntakeRunner(new PostgresIntakeStore(warehouse, time, simulated));
            var reports = new List<RunReport>();
            foreach (var connector in provider.GetServices<ISourceConnector>())
            {
                foreach (var period in PeriodsFor(connector.Source, periods, simulated ? clock : null))
                {
                    log.WriteLine($"Pulling {connector.Source.Name} {period} ...");
                    reports.Add(await runner.RunAsync(connector, period, ct));
                }
            }

            return reports;
        }
        finally
        {
            foreach (var simulator in simulators)
            {
                simulator.Dispose();
            }
        }
    }

    /// <summary>
    /// The periods given for the source's cadence, oldest first; with simulators and none given, the latest one the
    /// simulators have published by their clock.
    /// </summary>
    private static IReadOnlyList<Period> PeriodsFor(SourceDescriptor source, IReadOnlyList<Period> periods, SimulationClock? clock)
    {
        if (periods.Where(p => p.Kind == source.Cadence).Distinct().OrderBy(p => p.Start).ToList() is { Count: > 0 } given)
        {
            return given;
        }

        if (clock is null)
        {
            throw new Core.Input.BadInputException(new Core.Input.InputProblem(
                "--period", null, $"{source.Name} publishes {source.Cadence.ToString().ToLowerInvariant()} periods; give one (e.g. --period {Example(source.Cadence)})"));
        }

        var publication = source.Cadence == PeriodKind.Month ? Publication.Monthly : Publication.Quarterly;
        var date = DateOnly.FromDateTime(clock.AsOf.UtcDateTime);
        var period = source.Cadence == PeriodKind.Month ? Period.Month(date.Year, date.Month) : Period.Parse($"{date.Year}-Q{((date.Month - 1) / 3) + 1}");
        while (publication.FirstPublished(period) > clock.AsOf)
        {
            period = period.Previous();
        }

        return [period];
    }

    private static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "2025-10",
        PeriodKind.Quarter => "2025-Q3",
        PeriodKind.HalfYear => "2025-H1",
        _ => "2025",
    };
}
