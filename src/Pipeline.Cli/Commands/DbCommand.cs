using System.CommandLine;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline db migrate|status`.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Apply the numbered sql/ migrations not yet applied, then the sql/repeatable/ views and functions, in one transaction under an advisory lock.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            var result = await new Migrator(dataSource, context.Time).MigrateAsync(ct);
            Console.WriteLine(result.Applied.Count == 0
                ? $"Schema up to date ({result.Known} migrations)."
                : $"Applied {result.Applied.Count} migration(s): {string.Join(", ", result.Applied)}");
            if (result.Repeatables.Count > 0)
            {
                Console.WriteLine($"Applied {result.Repeatables.Count} new or changed repeatable(s) of {result.KnownRepeatables}: {string.Join(", ", result.Repeatables)}");
            }

            return ExitCodes.Success;
        });

        var status = new Command("status", "List the migrations and repeatables (views, functions) applied to the warehouse and those still pending.");
        status.SetAction(async (_, ct) =>
        {
            await using var dataSource = await context.OpenWarehouseAsync(ct);
            foreach (var file in await new Migrator(dataSource, context.Time).StatusAsync(ct))
            {
                Console.WriteLine(Describe(file));
            }

            return ExitCodes.Success;
        });

        return new Command("db", "Warehouse schema.") { migrate, status };
    }

    internal static string Describe(SchemaFileStatus file) => file.State switch
    {
        SchemaFileState.Applied => $"applied  {file.File}  {file.AppliedAt:yyyy-MM-dd HH:mm:ss}Z",
        SchemaFileState.Changed => $"changed  {file.File}  (re-applied on next migrate; applied {file.AppliedAt:yyyy-MM-dd HH:mm:ss}Z)",
        SchemaFileState.Edited => $"edited   {file.File}  (changed after it was applied {file.AppliedAt:yyyy-MM-dd HH:mm:ss}Z: migrate refuses it)",
        _ => $"pending  {file.File}",
    };
}
