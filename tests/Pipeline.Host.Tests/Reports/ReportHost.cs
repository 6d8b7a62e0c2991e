using Pipeline.Core;
using Pipeline.Core.ReferenceData;
using Pipeline.Host.Security;
using Pipeline.Host.Tests.Support;
using Pipeline.Warehouse;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Reports;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Reports;

/// <summary>
/// A warehouse holding <see cref="SampleLevels"/> and a host serving it. Users: an analyst, an operations user, and
/// one signed in with a role the report does not admit.
/// </summary>
public sealed class ReportHost : IAsyncLifetime
{
    public const string Analyst = "analyst1";
    public const string AnalystPassword = "analyst-password";
    public const string Operations = "ops1";
    public const string OperationsPassword = "ops-password";
    public const string Other = "other1";
    public const string OtherPassword = "other-password";

    private HostUnderTest? _host;

    public Uri Address { get; private set; } = null!;

    public async Task StartAsync(PostgresServer server)
    {
        if (_host is not null)
        {
            return;
        }

        var connectionString = await server.CreateDatabaseConnectionStringAsync("report_host");
        await using (var warehouse = WarehouseDataSource.Create(connectionString))
        {
            await new Migrator(warehouse, TimeProvider.System).MigrateAsync();
            await new AdminUnitsLoader(warehouse).LoadAsync(AdminUnitFiles.Read(PipelineHome.DefaultAdminUnitsDirectory(PipelineHome.Find())));
            await SampleLevels.StoreAsync(warehouse);
        }

        _host = await HostUnderTest.StartAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Warehouse={connectionString}",
            $"--Authentication:Users:{Analyst}:PasswordHash={BasicUsersHandler.Hash(Analyst, AnalystPassword)}",
            $"--Authentication:Users:{Analyst}:Roles=analyst",
            $"--Authentication:Users:{Operations}:PasswordHash={BasicUsersHandler.Hash(Operations, OperationsPassword)}",
            $"--Authentication:Users:{Operations}:Roles=operations",
            $"--Authentication:Users:{Other}:PasswordHash={BasicUsersHandler.Hash(Other, OtherPassword)}",
            $"--Authentication:Users:{Other}:Roles=auditor",
        ]);
        Address = _host.Address;
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
