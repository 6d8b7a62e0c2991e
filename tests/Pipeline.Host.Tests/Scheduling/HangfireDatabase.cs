using Hangfire.PostgreSql;
using Pipeline.Jobs;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Host.Tests.Scheduling;

/// <summary>A fresh database with Hangfire's schema, for tests that need job storage of their own.</summary>
internal static class HangfireDatabase
{
    public static async Task<PostgreSqlStorage> StorageAsync(PostgresServer server, string purpose) =>
        JobQueue.Storage(await server.CreateDatabaseConnectionStringAsync(purpose));
}
