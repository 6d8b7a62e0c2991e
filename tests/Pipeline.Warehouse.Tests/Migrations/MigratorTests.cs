using Dapper;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Migrations;

[Collection(WarehouseCollection.Name)]
public sealed class MigratorTests(PostgresServer server)
{
    [Fact]
    public async Task Migrate_AppliesEveryFileOnAnEmptyDatabase_ThenReappliesAsNoOp()
    {
        await using var db = await server.CreateDatabaseAsync("migrate");
        var migrator = new Migrator(db, TimeProvider.System);

        var first = await migrator.MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var schemaBefore = await SchemaFingerprintAsync(connection);
        var second = await migrator.MigrateAsync();

        Assert.Equal(Migration.Embedded().Select(m => m.Name), first.Applied);
        Assert.Empty(second.Applied);
        Assert.Equal(first.Applied.Count, await connection.ExecuteScalarAsync<int>("select count(*) from public.schema_version"));
        Assert.Equal(schemaBefore, await SchemaFingerprintAsync(connection));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select to_regclass('ref.admin_unit') is not null"));
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnce_ApplyEachFileExactlyOnce()
    {
        await using var db = await server.CreateDatabaseAsync("migrate_race");

        var results = await Task.WhenAll(
            new Migrator(db, TimeProvider.System).MigrateAsync(),
            new Migrator(db, TimeProvider.System).MigrateAsync());

        Assert.Equal(Migration.Embedded().Count, results.Sum(r => r.Applied.Count));
        Assert.Contains(results, r => r.Applied.Count == 0);
    }

    [Fact]
    public async Task Migrate_RefusesAnAppliedMigrationWhoseTextChanged()
    {
        await using var db = await server.CreateDatabaseAsync("migrate_edit");
        await new Migrator(db, TimeProvider.System).MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("update public.schema_version set checksum = 'edited' where version = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new Migrator(db, TimeProvider.System).MigrateAsync());

        Assert.Contains("0002_create_admin_units.sql was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every column of every table and view we own, so "re-apply changes nothing" is checked on the schema itself.</summary>
    private static async Task<string> SchemaFingerprintAsync(Npgsql.NpgsqlConnection connection) =>
        string.Join('\n', await connection.QueryAsync<string>(
            """
            select table_schema || '.' || table_name || '.' || column_name || ':' || data_type
            from information_schema.columns
            where table_schema in ('public', 'ref', 'analytics')
            order by 1
            """));
}
