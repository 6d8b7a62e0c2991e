using Dapper;
using Npgsql;
using Pipeline.Core.ReferenceData;
using Pipeline.Warehouse;
using Pipeline.Warehouse.AdminUnits;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Bench;

/// <summary>
/// A database of its own on the configured server (pipeline_bench_PID_NAME), migrated and with the admin units loaded,
/// dropped when disposed: the bench never touches the warehouse's facts.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;
    private bool _checkpointRefused;

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
            // Database names take no parameters: built in code from our own prefix and the process id, never from input.
            await connection.ExecuteAsync($"drop database if exists {name} with (force)");
            await connection.ExecuteAsync($"create database {name}");
        }

        var database = new BenchDatabase(server, name, new NpgsqlConnectionStringBuilder(warehouseConnectionString) { Database = name }.ConnectionString);
        await new Migrator(database.DataSource, time).MigrateAsync(ct);
        await new AdminUnitsLoader(database.DataSource).LoadAsync(units, ct);
        return database;
    }

    /// <summary>
    /// Writes out every dirty buffer before a timed run, so no run pays for the one before it (the baseline's pages,
    /// still dirty, were written out by the product's load that followed it: its COPY slowed by a third). Needs a
    /// superuser or pg_checkpoint; without it the runs are timed as they come, and the bench says so.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("checkpoint", commandTimeout: 0, commandType: System.Data.CommandType.Text, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            if (!_checkpointRefused)
            {
                _checkpointRefused = true;
                await Console.Out.WriteLineAsync($"# checkpoint refused ({e.MessageText}): runs are timed with whatever the one before left to write");
            }
        }
    }

    /// <summary>Empties the fact table, so the next timed load starts where every one does.</summary>
    public async Task EmptyFactsAsync(CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(BenchSql.Read("empty_facts"), commandTimeout: 0, cancellationToken: ct));
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
