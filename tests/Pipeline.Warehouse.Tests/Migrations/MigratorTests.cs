using System.Text.RegularExpressions;
using Dapper;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Warehouse.Tests.Migrations;

[Collection(WarehouseCollection.Name)]
public sealed partial class MigratorTests(PostgresServer server)
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

    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryRepeatable_ThenNone()
    {
        await using var db = await server.CreateDatabaseAsync("migrate_repeatable");
        var migrator = new Migrator(db, TimeProvider.System);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        var files = Repeatable.Embedded().Select(r => r.File).ToArray();
        Assert.Equal(files, first.Repeatables);
        Assert.Equal(files.Length, first.KnownRepeatables);
        Assert.Empty(second.Repeatables);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(
            Repeatable.Embedded().Select(r => (r.Name, r.Checksum)).Order(),
            (await connection.QueryAsync<(string, string)>("select name, checksum from public.schema_repeatable")).Order());
        Assert.True(await connection.ExecuteScalarAsync<bool>("select to_regclass('analytics.criterion_coverage_qd2361') is not null"));
        Assert.All(await migrator.StatusAsync(), file => Assert.Equal(SchemaFileState.Applied, file.State));
    }

    [Fact]
    public void Repeatables_DefineEachViewAndFunctionOnce_AndNumberedMigrationsNoView()
    {
        var inRepeatables = Repeatable.Embedded().SelectMany(r => Definitions(r.Sql)).ToArray();
        var inNumbered = Migration.Embedded().SelectMany(m => Definitions(m.Sql)).ToArray();

        Assert.Empty(inRepeatables.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(inNumbered, d => d.Kind == "view");
        // Functions left in numbered files are those triggers and loads call, beside their tables (sql/0013, 0014).
        Assert.Empty(inNumbered.Select(d => d.Object).Intersect(inRepeatables.Select(d => d.Object)));
        Assert.All(inNumbered, d => Assert.StartsWith("fact.", d.Object, StringComparison.Ordinal));
    }

    // Up to 14: every file issue 27 rewrote, as it stood; what a fresh warehouse gets since (0015 on) is applied on top.
    // (Until 0015 changed the schema, a fresh warehouse also equalled the pre-issue-27 texts alone; it no longer can.)
    [Theory]
    [InlineData(14)]
    [InlineData(11)]
    [InlineData(9)]
    [InlineData(5)]
    public async Task Migrate_AWarehouseThatAppliedTheEarlierTexts_AcceptsTheirChecksums_AndEndsAsAFreshOne(int upTo)
    {
        await using var fresh = await server.CreateDatabaseAsync("migrate_fresh_old");
        await new Migrator(fresh, TimeProvider.System).MigrateAsync();
        await using var existing = await server.CreateDatabaseAsync($"migrate_old{upTo}");
        await ApplyAsBeforeIssue27Async(existing, upTo);

        var result = await new Migrator(existing, TimeProvider.System).MigrateAsync();

        Assert.Equal(Migration.Embedded().Where(m => m.Version > upTo).Select(m => m.Name), result.Applied);
        Assert.Equal(Repeatable.Embedded().Select(r => r.File), result.Repeatables);
        Assert.Equal(await CatalogAsync(fresh), await CatalogAsync(existing));
        var status = await new Migrator(existing, TimeProvider.System).StatusAsync();
        Assert.All(status, file => Assert.Equal(SchemaFileState.Applied, file.State));
        Assert.Empty((await new Migrator(existing, TimeProvider.System).MigrateAsync()).Repeatables);
    }

    [Fact]
    public void RewrittenChecksums_AreThoseOfTheEarlierTexts()
    {
        var earlier = BeforeIssue27().ToDictionary(m => m.Version);
        foreach (var migration in Migration.Embedded())
        {
            var old = earlier[migration.Version];
            if (old.Checksum == migration.Checksum)
            {
                Assert.Empty(migration.EarlierChecksums);
            }
            else
            {
                Assert.Equal(new[] { old.Checksum }, migration.EarlierChecksums.ToArray());
            }
        }
    }

    [Fact]
    public async Task Migrate_ReappliesAndReportsAChangedRepeatable_AndLeavesUnchangedOnesAlone()
    {
        await using var db = await server.CreateDatabaseAsync("migrate_changed");
        var migrator = new Migrator(db, TimeProvider.System);
        await migrator.MigrateAsync();
        await using var connection = await db.OpenConnectionAsync();
        const string Comment = "select obj_description('internal.resolved_values'::regclass, 'pg_class')";
        var comment = await connection.ExecuteScalarAsync<string>(Comment);
        await connection.ExecuteAsync("comment on view internal.resolved_values is 'stale'");

        // Nothing changed: no repeatable is applied (so the migrate before every command takes no lock on the views).
        Assert.Empty((await migrator.MigrateAsync()).Repeatables);
        Assert.Equal("stale", await connection.ExecuteScalarAsync<string>(Comment));

        // As after a release that edited sql/repeatable/40_resolved_values.sql: the recorded text is another one.
        await connection.ExecuteAsync("update public.schema_repeatable set checksum = 'earlier' where name = 'resolved_values'");
        var status = await migrator.StatusAsync();
        Assert.Equal(
            new[] { ("repeatable/40_resolved_values.sql", SchemaFileState.Changed) },
            status.Where(f => f.State != SchemaFileState.Applied).Select(f => (f.File, f.State)));

        var result = await migrator.MigrateAsync();

        Assert.Empty(result.Applied);
        Assert.Equal(new[] { "40_resolved_values.sql" }, result.Repeatables);
        Assert.Equal(comment, await connection.ExecuteScalarAsync<string>(Comment));
        Assert.Equal(
            Repeatable.Embedded().Single(r => r.Name == "resolved_values").Checksum,
            await connection.ExecuteScalarAsync<string>("select checksum from public.schema_repeatable where name = 'resolved_values'"));
        Assert.All(await migrator.StatusAsync(), file => Assert.Equal(SchemaFileState.Applied, file.State));
    }

    [Fact]
    public async Task Status_OnAnEmptyDatabase_ListsEveryFilePending()
    {
        await using var db = await server.CreateDatabaseAsync("migrate_status");

        var status = await new Migrator(db, TimeProvider.System).StatusAsync();

        Assert.Equal(
            Migration.Embedded().Select(m => m.Name).Concat(Repeatable.Embedded().Select(r => $"repeatable/{r.File}")),
            status.Select(f => f.File));
        Assert.All(status, file => Assert.Equal(SchemaFileState.Pending, file.State));
    }

    /// <summary>
    /// A warehouse migrated by a release before issue 27: the numbered files up to <paramref name="upTo"/> as they were
    /// then (BeforeIssue27/ for the rewritten ones), recorded with their checksums as the migrator of the time did.
    /// </summary>
    private static async Task ApplyAsBeforeIssue27Async(Npgsql.NpgsqlDataSource db, int upTo)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "create table public.schema_version (version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null)",
            transaction: transaction);
        foreach (var migration in BeforeIssue27().Where(m => m.Version <= upTo))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "insert into public.schema_version values (@Version, @Name, @Checksum, now())",
                new { migration.Version, migration.Name, migration.Checksum },
                transaction);
        }

        await transaction.CommitAsync();
    }

    private static IEnumerable<Migration> BeforeIssue27()
    {
        var assembly = typeof(MigratorTests).Assembly;
        foreach (var current in Migration.Embedded())
        {
            using var stream = assembly.GetManifestResourceStream($"before-issue-27/{current.Name}");
            if (stream is null)
            {
                yield return current;
                continue;
            }

            using var reader = new StreamReader(stream);
            yield return new Migration(current.Version, current.Name, reader.ReadToEnd());
        }
    }

    /// <summary>
    /// Every table, view and function of our schemas as the catalog has it: kind, owner, options (security_barrier),
    /// privileges, comments, columns and definition, so "the same schema" covers security semantics too. Schema public
    /// is left out: it holds the migrator's own records, which issue 27 extended (public.schema_repeatable).
    /// </summary>
    private static async Task<string> CatalogAsync(Npgsql.NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return string.Join('\n', await connection.QueryAsync<string>(
            """
            select format('%s %s.%s owner=%s opts=%s acl=%s comment=%s cols=%s def=%s',
                          c.relkind, n.nspname, c.relname, pg_get_userbyid(c.relowner), coalesce(c.reloptions::text, ''),
                          coalesce((select string_agg(format('%s:%s:%s', pg_get_userbyid(a.grantee), a.privilege_type, a.is_grantable), ',' order by format('%s:%s:%s', pg_get_userbyid(a.grantee), a.privilege_type, a.is_grantable))
                                      from aclexplode(c.relacl) a), ''),
                          coalesce(obj_description(c.oid, 'pg_class'), ''),
                          (select string_agg(format('%s %s %s', att.attname, format_type(att.atttypid, att.atttypmod), coalesce(col_description(c.oid, att.attnum), '')), ', ' order by att.attnum)
                             from pg_attribute att where att.attrelid = c.oid and att.attnum > 0 and not att.attisdropped),
                          coalesce(pg_get_viewdef(c.oid), '')) as line
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('ref', 'analytics', 'internal', 'fact', 'intake') and c.relkind in ('r', 'v', 'm', 'p')
            union all
            select format('f %s.%s(%s) owner=%s acl=%s comment=%s def=%s',
                          n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_userbyid(p.proowner),
                          coalesce((select string_agg(format('%s:%s:%s', pg_get_userbyid(a.grantee), a.privilege_type, a.is_grantable), ',' order by format('%s:%s:%s', pg_get_userbyid(a.grantee), a.privilege_type, a.is_grantable))
                                      from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a), ''),
                          coalesce(obj_description(p.oid, 'pg_proc'), ''), pg_get_functiondef(p.oid))
              from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('ref', 'analytics', 'internal', 'fact', 'intake')
            order by 1
            """));
    }

    private static IEnumerable<(string Kind, string Object)> Definitions(string sql) =>
        DefinitionOf().Matches(sql).Select(m => (m.Groups[1].Value.ToLowerInvariant(), m.Groups[2].Value));

    [GeneratedRegex(@"(?im)^\s*create\s+(?:or\s+replace\s+)?(view|function)\s+([a-z_]+\.[a-z0-9_]+)")]
    private static partial Regex DefinitionOf();

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
