using Npgsql;
using Pipeline.Core;
using Pipeline.Warehouse.Local;

namespace Pipeline.Warehouse.Tests.Support;

/// <summary>
/// A real PostgreSQL for the tests: ConnectionStrings__Warehouse when set, otherwise the private cluster of
/// scripts/postgres.sh (the same script the demo uses). Each test class gets databases of its own from it. A test
/// that cannot get a server fails with the reason; it never passes silently.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Warehouse") is { Length: > 0 } configured
            ? configured
            : await LocalPostgres.StartAsync(PipelineHome.Find());
    }

    /// <summary>A new, empty database; dropped when the test run ends.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync(string purpose) =>
        WarehouseDataSource.Create(await CreateDatabaseConnectionStringAsync(purpose));

    /// <summary>
    /// A new, empty database as a connection string, for what needs the string itself (a child process, Hangfire's
    /// storage): a data source's own string leaves the password out.
    /// </summary>
    public async Task<string> CreateDatabaseConnectionStringAsync(string purpose)
    {
        var name = $"test_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WarehouseCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "warehouse";
}
