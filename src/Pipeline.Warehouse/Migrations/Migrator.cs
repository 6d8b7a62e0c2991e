using Dapper;
using Npgsql;

namespace Pipeline.Warehouse.Migrations;

/// <summary>
/// Applies the embedded sql/ migrations in order, all in one transaction under an advisory lock, recording each in
/// public.schema_version; then, in the same transaction, the sql/repeatable/ files, recording each text in
/// public.schema_repeatable. Two processes migrating at once queue on the lock; the second finds nothing to do.
/// </summary>
/// <remarks>
/// Repeatables are re-applied all together, in order, when a numbered migration ran or any repeatable is new or
/// changed (a numbered migration may have dropped a view whose file did not change; re-applying all of them in one
/// transaction is cheap and always safe). When nothing changed none is applied, so the migrate that starts every
/// command takes no lock on the views analysts are reading. Only new or changed repeatables are reported.
/// </remarks>
public sealed class Migrator(NpgsqlDataSource dataSource, TimeProvider time)
{
    // Any constant shared by every process that migrates this database; "pipeline" in ASCII.
    private const long AdvisoryLockKey = 0x7069_7065_6c69_6e65;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Migration.Embedded();
        var repeatables = Repeatable.Embedded();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(SqlResources.Query("Migrations/lock_migrations"), new { key = AdvisoryLockKey }, transaction);
        await connection.ExecuteAsync(SqlResources.Query("Migrations/create_schema_version"), transaction: transaction);

        var applied = await AppliedMigrationsAsync(connection, transaction);
        var newlyApplied = new List<string>();
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var done))
            {
                if (!migration.Accepts(done.Checksum))
                {
                    throw new InvalidOperationException(
                        $"sql/{migration.Name} was changed after it was applied as {done.Name}; add a new migration instead of editing it");
                }

                continue;
            }

            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                SqlResources.Query("Migrations/record_migration"),
                new { migration.Version, migration.Name, migration.Checksum, appliedAt = time.GetUtcNow() },
                transaction);
            newlyApplied.Add(migration.Name);
        }

        var recorded = await AppliedRepeatablesAsync(connection, transaction);
        var changed = repeatables.Where(r => !recorded.TryGetValue(r.Name, out var done) || done.Checksum != r.Checksum).ToArray();
        if (newlyApplied.Count > 0 || changed.Length > 0)
        {
            foreach (var repeatable in repeatables)
            {
                await connection.ExecuteAsync(repeatable.Sql, transaction: transaction);
            }

            foreach (var repeatable in changed)
            {
                await connection.ExecuteAsync(
                    SqlResources.Query("Migrations/record_repeatable"),
                    new { repeatable.Name, repeatable.File, repeatable.Checksum, appliedAt = time.GetUtcNow() },
                    transaction);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new MigrationResult(newlyApplied, migrations.Count, changed.Select(r => r.File).ToArray(), repeatables.Count);
    }

    /// <summary>What `db status` lists: every numbered migration, then every repeatable, with its state in this warehouse.</summary>
    public async Task<IReadOnlyList<SchemaFileStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tables = await connection.QuerySingleAsync<(bool HasVersions, bool HasRepeatables)>(SqlResources.Query("Migrations/schema_tables"));
        var applied = tables.HasVersions ? await AppliedMigrationsAsync(connection, null) : [];
        var recorded = tables.HasRepeatables ? await AppliedRepeatablesAsync(connection, null) : [];

        var files = new List<SchemaFileStatus>();
        foreach (var migration in Migration.Embedded())
        {
            files.Add(applied.TryGetValue(migration.Version, out var done)
                ? new SchemaFileStatus(migration.Name, migration.Accepts(done.Checksum) ? SchemaFileState.Applied : SchemaFileState.Edited, done.AppliedAt)
                : new SchemaFileStatus(migration.Name, SchemaFileState.Pending, null));
        }

        foreach (var repeatable in Repeatable.Embedded())
        {
            files.Add(recorded.TryGetValue(repeatable.Name, out var done)
                ? new SchemaFileStatus($"repeatable/{repeatable.File}", done.Checksum == repeatable.Checksum ? SchemaFileState.Applied : SchemaFileState.Changed, done.AppliedAt)
                : new SchemaFileStatus($"repeatable/{repeatable.File}", SchemaFileState.Pending, null));
        }

        return files;
    }

    private static async Task<Dictionary<int, AppliedFile>> AppliedMigrationsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        (await connection.QueryAsync<(int Version, string Name, string Checksum, DateTimeOffset AppliedAt)>(
            SqlResources.Query("Migrations/applied_migrations"), transaction: transaction))
        .ToDictionary(m => m.Version, m => new AppliedFile(m.Name, m.Checksum, m.AppliedAt));

    private static async Task<Dictionary<string, AppliedFile>> AppliedRepeatablesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        (await connection.QueryAsync<(string Name, string File, string Checksum, DateTimeOffset AppliedAt)>(
            SqlResources.Query("Migrations/applied_repeatables"), transaction: transaction))
        .ToDictionary(r => r.Name, r => new AppliedFile(r.File, r.Checksum, r.AppliedAt), StringComparer.Ordinal);

    private sealed record AppliedFile(string Name, string Checksum, DateTimeOffset AppliedAt);
}

/// <param name="Applied">Numbered file names applied by this run, in order; empty when the database was up to date.</param>
/// <param name="Known">Numbered migrations embedded.</param>
/// <param name="Repeatables">sql/repeatable/ files new or changed since the last run, applied by this one, in order.</param>
/// <param name="KnownRepeatables">sql/repeatable/ files embedded.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int Known, IReadOnlyList<string> Repeatables, int KnownRepeatables);

/// <param name="File">A numbered file's name, or repeatable/NAME.sql.</param>
/// <param name="AppliedAt">When its current (or accepted earlier) text was applied; null while pending.</param>
public sealed record SchemaFileStatus(string File, SchemaFileState State, DateTimeOffset? AppliedAt);

public enum SchemaFileState
{
    /// <summary>Applied with this text (a numbered file: or an earlier text sql/rewritten-checksums.txt lists).</summary>
    Applied,

    /// <summary>Not applied yet: the next migrate applies it.</summary>
    Pending,

    /// <summary>A repeatable whose text changed since it was applied: the next migrate re-applies it.</summary>
    Changed,

    /// <summary>A numbered file edited after it was applied: migrate refuses it.</summary>
    Edited,
}
