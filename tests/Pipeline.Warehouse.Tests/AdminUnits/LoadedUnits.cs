using Npgsql;
using Pipeline.Core.ReferenceData;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;
using Pipeline.Core.Tests.Support;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.AdminUnits;

/// <summary>One migrated database with ../shared/data/admin-units loaded, shared by the read-only tests of a class.</summary>
public sealed class LoadedUnits : IAsyncLifetime
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public AdminUnitsLoadResult FirstLoad { get; private set; } = null!;

    public async Task LoadIntoAsync(PostgresServer server)
    {
        if (DataSource is not null)
        {
            return;
        }

        DataSource = await server.CreateDatabaseAsync("units");
        await new Migrator(DataSource, TimeProvider.System).MigrateAsync();
        FirstLoad = await new AdminUnitsLoader(DataSource).LoadAsync(AdminUnitFiles.Read(AdminUnitsCopy.Original));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }
}
