using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Connectors.Tests.Support;
using Pipeline.Core.Periods;
using Pipeline.Intake;
using Pipeline.Intake.Http;
using Pipeline.Simulators;
using Pipeline.Warehouse.Intake;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Connectors.Tests.Conformance;

/// <summary>
/// One source under test: its simulator on loopback, a fresh migrated database, and the connector wired exactly as
/// the product wires it (DI, Refit, the shared resilience pipeline) with delays shortened so faults take seconds.
/// </summary>
public sealed class SourceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SourceHarness(SimulatedSource simulator, NpgsqlDataSource database, ServiceProvider services)
    {
        Simulator = simulator;
        Database = database;
        _services = services;
        Connector = services.GetServices<ISourceConnector>().Single();
    }

    public SimulatedSource Simulator { get; }

    public NpgsqlDataSource Database { get; }

    public ISourceConnector Connector { get; }

    public string Source => Connector.Source.Name;

    /// <summary>Settings for tests: retries after 20 ms, a 1 s attempt timeout, no practical rate limit.</summary>
    public static void Fast(SourceHttpOptions http)
    {
        http.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
        http.MaxRetries = 4;
        http.AttemptTimeout = TimeSpan.FromSeconds(1);
        http.TotalTimeout = TimeSpan.FromSeconds(60);
        http.BreakDuration = TimeSpan.FromMilliseconds(500);
        http.RequestsPerSecond = 1000;
    }

    public static async Task<SourceHarness> StartAsync(
        PostgresServer server,
        SimulatedSource simulator,
        Action<IServiceCollection, Uri> addConnector,
        NpgsqlDataSource? database = null)
    {
        simulator.Start();
        if (database is null)
        {
            database = await server.CreateDatabaseAsync(simulator.Name);
            await new Migrator(database, TimeProvider.System).MigrateAsync();
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(SharedData.Units);
        addConnector(services, simulator.Url);
        return new SourceHarness(simulator, database, services.BuildServiceProvider(validateScopes: true));
    }

    public Task<RunReport> PullAsync(Period period) =>
        new IntakeRunner(new PostgresIntakeStore(Database, TimeProvider.System, simulated: true)).RunAsync(Connector, period, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Simulator.Dispose();
    }
}
