using Dapper;
using Npgsql;
using Pipeline.Core.ReferenceData;
using Pipeline.Warehouse;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Bench;

/// <summary>
/// A database of its own on the configured server (pipeline_bench_PID_NAME), migrated and with the admin units loaded,
/// dropped when disposed: the bench never touches the warehouse's facts.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private BenchDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = connectionString;
        DataSource = WarehouseDataSource.Create(connectionString, "pipeline-bench");
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(
        string warehouseConnectionString, string suffix, AdminUnitSet units, TimeProvider time, CancellationToken ct)
    {
        // The process id keeps two benches on one server (a developer's and the test suite's) apart.
        var name = $"pipeline_bench_{Environment.ProcessId}_{suffix}";
        var server = new NpgsqlConnectionStringBuilder(warehouseConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync($"drop database if exists {name} with (force)");
            await connection.ExecuteAsync($"create database {name}");
        }

        var database = new BenchDatabase(server, name, new NpgsqlConnectionStringBuilder(warehouseConnectionString) { Database = name }.ConnectionString);
        await new Migrator(database.DataSource, time).MigrateAsync(ct);
        await new AdminUnitsLoader(database.DataSource).LoadAsync(units, ct);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"drop database if exists {_name} with (force)");
    }
}
