using System.CommandLine;
using Dapper;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline db migrate|status`.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Apply the numbered sql/ migrations not yet applied, in one transaction under an advisory lock.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            var result = await new Migrator(dataSource, context.Time).MigrateAsync(ct);
            Console.WriteLine(result.Applied.Count == 0
                ? $"Schema up to date ({result.Known} migrations)."
                : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}");
            return ExitCodes.Success;
        });

        var status = new Command("status", "List the migrations applied to the warehouse and those still pending.");
        status.SetAction(async (_, ct) =>
        {
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var exists = await connection.ExecuteScalarAsync<bool>("select to_regclass('public.schema_version') is not null");
            var applied = exists
                ? (await connection.QueryAsync<(int Version, DateTimeOffset AppliedAt)>("select version, applied_at from public.schema_version")).ToDictionary(r => r.Version, r => r.AppliedAt)
                : [];
            foreach (var migration in Migration.Embedded())
            {
                Console.WriteLine(applied.TryGetValue(migration.Version, out var at)
                    ? $"applied  {migration.Name}  {at:yyyy-MM-dd HH:mm:ss}Z"
                    : $"pending  {migration.Name}");
            }

            return ExitCodes.Success;
        });

        return new Command("db", "Warehouse schema.") { migrate, status };
    }
}
