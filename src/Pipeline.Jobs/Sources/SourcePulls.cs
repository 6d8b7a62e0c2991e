using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Core.Periods;
using Pipeline.Core.ReferenceData;
using Pipeline.Intake;
using Pipeline.Warehouse.Intake;

namespace Pipeline.Jobs.Sources;

/// <summary>
/// Pulls one period from each chosen source, one source after another, each a run of its own: a source that fails
/// is reported and the others still run. With stand-ins (the simulators), each source's stand-in is started first and
/// its address and credentials layered over the source's configuration; the report says the data is simulated.
/// </summary>
/// <param name="standIns">What answers in the sources' place (null: the configured national systems).</param>
public sealed class SourcePulls(
    IConfiguration configuration,
    TimeProvider time,
    AdminUnitSet units,
    TextWriter log,
    ISourceStandIns? standIns = null)
{
    public async Task<IReadOnlyList<RunReport>> RunAsync(
        IReadOnlyList<SourceEntry> sources, IReadOnlyList<Period> periods, NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var running = new List<IStandIn>();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(units);
        try
        {
            foreach (var source in sources)
            {
                var section = $"Sources:{source.Name}";
                var sourceConfiguration = configuration;
                if (standIns is not null)
                {
                    var standIn = standIns.Start(source.Name);
                    running.Add(standIn);
                    log.WriteLine(standIn.Description);
                    sourceConfiguration = new ConfigurationBuilder()
                        .AddConfiguration(configuration)
                        .AddInMemoryCollection(standIn.Settings.Select(s => KeyValuePair.Create($"{section}:{s.Key}", s.Value)))
                        .Build();
                }

                source.Register(services, sourceConfiguration.GetSection(section));
            }

            await using var provider = services.BuildServiceProvider();
            var runner = new IntakeRunner(new PostgresIntakeStore(warehouse, time, simulated: standIns is not null));
            var reports = new List<RunReport>();
            foreach (var connector in provider.GetServices<ISourceConnector>())
            {
                foreach (var period in PeriodsFor(connector.Source, periods, standIns))
                {
                    log.WriteLine($"Pulling {connector.Source.Name} {period} ...");
                    reports.Add(await runner.RunAsync(connector, period, ct));
                }
            }

            return reports;
        }
        finally
        {
            foreach (var standIn in running)
            {
                standIn.Dispose();
            }
        }
    }

    /// <summary>
    /// The periods given for the source's cadence, oldest first; with stand-ins and none given, the latest one they
    /// have published.
    /// </summary>
    private static IReadOnlyList<Period> PeriodsFor(SourceDescriptor source, IReadOnlyList<Period> periods, ISourceStandIns? standIns)
    {
        if (periods.Where(p => p.Kind == source.Cadence).Distinct().OrderBy(p => p.Start).ToList() is { Count: > 0 } given)
        {
            return given;
        }

        if (standIns is null)
        {
            throw new Core.Input.BadInputException(new Core.Input.InputProblem(
                "--period", null, $"{source.Name} publishes {source.Cadence.ToString().ToLowerInvariant()} periods; give one (e.g. --period {Example(source.Cadence)})"));
        }

        return [standIns.LatestPublished(source.Cadence)];
    }

    private static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "2025-10",
        PeriodKind.Quarter => "2025-Q3",
        PeriodKind.HalfYear => "2025-H1",
        _ => "2025",
    };
}
