using Hangfire.PostgreSql;
using Npgsql;
using Pipeline.Jobs;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests;

/// <summary>A fresh database with Hangfire's schema, for tests that need job storage of their own.</summary>
internal static class HangfireDatabase
{
    public static async Task<PostgreSqlStorage> StorageAsync(PostgresServer server, string purpose) =>
        JobQueue.Storage(await ConnectionStringAsync(server, purpose));

    public static async Task<string> ConnectionStringAsync(PostgresServer server, string purpose)
    {
        await using var db = await server.CreateDatabaseAsync(purpose);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database }.ConnectionString;
    }
}
