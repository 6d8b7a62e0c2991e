using Dapper;
using Microsoft.Extensions.Configuration;
using Pipeline.Core;
using Pipeline.Core.ReferenceData;
using Pipeline.Host.Security;
using Pipeline.Jobs;
using Pipeline.Normalisation;
using Pipeline.Simulators;
using Pipeline.Warehouse;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Support;

/// <summary>
/// A warehouse with real conflicts and a host serving it: the portal's and EMC's nightly jobs run on their simulators
/// for Hà Nội (province 01), so the conflicts are the ones detection finds, not rows written by hand. Users: a steward
/// and an analyst.
/// </summary>
public sealed class StewardHost : IAsyncLifetime
{
    public const string Steward = "steward1";
    public const string StewardPassword = "steward-password";
    public const string Analyst = "analyst1";
    public const string AnalystPassword = "analyst-password";

    private PostgresServer? _server;
    private HostUnderTest? _host;

    public string ConnectionString { get; private set; } = "";

    public Uri Address { get; private set; } = null!;

    public async Task StartAsync(PostgresServer server)
    {
        if (_server is not null)
        {
            return;
        }

        _server = server;
        ConnectionString = await server.CreateDatabaseConnectionStringAsync("stewards");
        await using (var warehouse = WarehouseDataSource.Create(ConnectionString))
        {
            await new Migrator(warehouse, TimeProvider.System).MigrateAsync();
            var units = AdminUnitFiles.Read(PipelineHome.DefaultAdminUnitsDirectory(PipelineHome.Find()));
            await new AdminUnitsLoader(warehouse).LoadAsync(units);
            var settings = new JobSettings(new PublicationCalendar(), TextWriter.Null, SimulatedSources.For(units, new HashSet<string> { "01" }));
            var job = new PullJob(new ConfigurationBuilder().Build(), TimeProvider.System, units, new ReferenceUnits(units), warehouse, settings);
            await job.RunLatestAsync("portal", CancellationToken.None);
            await job.RunLatestAsync("emc", CancellationToken.None);
        }

        _host = await HostUnderTest.StartAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Warehouse={ConnectionString}",
            $"--Authentication:Users:{Steward}:PasswordHash={BasicUsersHandler.Hash(Steward, StewardPassword)}",
            $"--Authentication:Users:{Steward}:Roles=steward",
            $"--Authentication:Users:{Analyst}:PasswordHash={BasicUsersHandler.Hash(Analyst, AnalystPassword)}",
            $"--Authentication:Users:{Analyst}:Roles=analyst",
        ]);
        Address = _host.Address;
    }

    /// <summary>Open conflicts of a measure, as detection left them (id, unit, each source's counts).</summary>
    public async Task<List<long>> OpenConflictsAsync(string measure)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        return [.. await connection.QueryAsync<long>(
            "select reconciliation_id from fact.reconciliation where status = 'open' and measure = @measure order by reconciliation_id", new { measure })];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
