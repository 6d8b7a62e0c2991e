using Npgsql;
using Pipeline.Warehouse.AdminUnits;

namespace Pipeline.Cli.Commands;

/// <summary>Prints units per era and level from the warehouse.</summary>
internal static class UnitSummary
{
    public static async Task PrintAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var rows = await UnitCounts.ReadAsync(dataSource, ct);
        Console.WriteLine("era   provinces  districts  communes");
        foreach (var era in rows.GroupBy(r => r.Era))
        {
            long Count(string level) => era.Where(r => r.Level == level).Sum(r => r.Units);
            Console.WriteLine($"{era.Key}  {Count("province"),9}  {Count("district"),9}  {Count("commune"),8}");
        }
    }
}
