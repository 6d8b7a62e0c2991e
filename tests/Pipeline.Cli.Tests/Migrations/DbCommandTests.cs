using Pipeline.Cli.Tests.Support;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Tests.Support;

namespace Pipeline.Cli.Tests.Migrations;

/// <summary>`db status` and `db migrate` as an operator runs them: numbered migrations and repeatables both.</summary>
[Collection(WarehouseCollection.Name)]
public sealed class DbCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Status_ListsMigrationsAndRepeatables_PendingThenApplied()
    {
        var warehouse = await server.CreateDatabaseConnectionStringAsync("db_status");
        var migrations = Migration.Embedded();
        var repeatables = Repeatable.Embedded();

        var before = Lines(await Succeeds(warehouse, "db", "status"));
        var migrate = await Succeeds(warehouse, "db", "migrate");
        var after = Lines(await Succeeds(warehouse, "db", "status"));
        var again = await Succeeds(warehouse, "db", "migrate");

        Assert.Equal(
            migrations.Select(m => $"pending  {m.Name}").Concat(repeatables.Select(r => $"pending  repeatable/{r.File}")),
            before);
        Assert.Contains($"Applied {migrations.Count} migration(s): ", migrate, StringComparison.Ordinal);
        Assert.Contains($"Applied {repeatables.Count} new or changed repeatable(s) of {repeatables.Count}: {repeatables[0].File}, ", migrate, StringComparison.Ordinal);
        Assert.Equal(migrations.Count + repeatables.Count, after.Length);
        Assert.All(after, line => Assert.StartsWith("applied  ", line, StringComparison.Ordinal));
        Assert.Contains("applied  repeatable/40_resolved_values.sql  ", after.Single(l => l.Contains("repeatable/40_resolved_values.sql", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal($"Schema up to date ({migrations.Count} migrations).", again.Trim());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string> Succeeds(string warehouse, params string[] args)
    {
        var (exit, output, error) = await CliRun.RunWithWarehouseAsync(warehouse, args);
        Assert.True(exit == 0, $"pipeline {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }
}
