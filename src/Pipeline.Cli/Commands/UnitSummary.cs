using Dapper;
using Npgsql;
using Pipeline.Warehouse;

namespace Pipeline.Cli.Commands;

/// <summary>Prints units per era and level from the warehouse.</summary>
internal static class UnitSummary
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<(short Era, string Level, long Units)>(WarehouseQueries.UnitSummary)).ToList();
        Console.WriteLine("era   provinces  districts  communes");
        foreach (var era in rows.GroupBy(r => r.Era))
        {
            long Count(string level) => era.Where(r => r.Level == level).Sum(r => r.Units);
            Console.WriteLine($"{era.Key}  {Count("province"),9}  {Count("district"),9}  {Count("commune"),8}");
        }
    }
}
