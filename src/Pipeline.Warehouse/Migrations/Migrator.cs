using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Migrations;

/// <summary>
/// Applies the embedded sql/ migrations in order, all in one transaction under an advisory lock, recording each in
/// public.schema_version. Two processes migrating at once queue on the lock; the second finds nothing to do.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Any constant shared by every process that migrates this database; "pipeline" in ASCII.
    private const long AdvisoryLockKey = 0x7069_7065_6c69_6e65;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Migration.Embedded();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("select pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction);
        await connection.ExecuteAsync(SqlResources.Query("Migrations/create_schema_version"), transaction: transaction);

        var applied = (await connection.QueryAsync<AppliedMigration>(
                "select version, name, checksum from public.schema_version", transaction: transaction))
            .ToDictionary(m => m.Version);

        var newlyApplied = new List<string>();
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var done))
            {
                if (done.Checksum != migration.Checksum)
                {
                    throw new InvalidOperationException(
                        $"sql/{migration.Name} was changed after it was applied as {done.Name}; add a new migration instead of editing it");
                }

                continue;
            }

            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "insert into public.schema_version (version, name, checksum, applied_at) values (@Version, @Name, @Checksum, @appliedAt)",
                new { migration.Version, migration.Name, migration.Checksum, appliedAt = time.GetUtcNow() },
                transaction);
            newlyApplied.Add(migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MigrationResult(newlyApplied, migrations.Count);
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}

/// <param name="Applied">File names applied by this run, in order; empty when the database was up to date.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int Known);
