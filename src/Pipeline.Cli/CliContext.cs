using Microsoft.Extensions.Configuration;
using Npgsql;
using Pipeline.Core;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Local;

namespace Pipeline.Cli;

/// <summary>What every command needs: configuration, the clock, the pipeline folder, and a way to reach the warehouse.</summary>
internal sealed class CliContext(IConfiguration configuration, TimeProvider time, string home)
{
    public TimeProvider Time => time;

    public IConfiguration Configuration => configuration;

    public string Home => home;

    /// <summary>appsettings.json in the pipeline folder (optional, git-ignored), then environment variables (ConnectionStrings__Warehouse).</summary>
    public static CliContext Create(TimeProvider time)
    {
        var home = PipelineHome.Find();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(home, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new CliContext(configuration, time, home);
    }

    public string AdminUnitsDirectory => PipelineHome.AdminUnitsDirectory(home, configuration["AdminUnits:Directory"]);

    /// <summary>
    /// The configured warehouse, or, when none is configured, the private cluster of scripts/postgres.sh (started,
    /// and installed, if needed) so the first command on a fresh machine just works.
    /// </summary>
    public async Task<NpgsqlDataSource> OpenWarehouseAsync(CancellationToken cancellationToken) =>
        WarehouseDataSource.Create(await WarehouseConnectionStringAsync(cancellationToken));

    /// <summary>The warehouse as <see cref="OpenWarehouseAsync"/> opens it, with every migration applied.</summary>
    public async Task<NpgsqlDataSource> OpenMigratedWarehouseAsync(CancellationToken cancellationToken)
    {
        var warehouse = await OpenWarehouseAsync(cancellationToken);
        await new Warehouse.Migrations.Migrator(warehouse, time).MigrateAsync(cancellationToken);
        return warehouse;
    }

    /// <summary>The configured connection string, or the local cluster's (started, and installed, if needed).</summary>
    public async Task<string> WarehouseConnectionStringAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Warehouse");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("No ConnectionStrings:Warehouse configured: using the local PostgreSQL of scripts/postgres.sh.");
            connectionString = await LocalPostgres.StartAsync(home, cancellationToken);
        }

        return connectionString;
    }
}
