using Npgsql;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Cli.Demo;

/// <summary>Values compared across sources per measure and period: how many agreed, and how the conflicts stand.</summary>
internal static class ConflictSummary
{
    public static async Task PrintAsync(NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var rows = await new ConflictReader(warehouse).SummaryAsync(ct);
        if (rows.Count == 0)
        {
            Console.WriteLine("Conflicts: no measure has values from two sources yet.");
            return;
        }

        Console.WriteLine("Conflicts between sources (settled by the precedence policy; open ones wait for a steward: ./pipeline conflicts list):");
        Console.WriteLine($"  {"measure",-32} {"period",-8} {"agreed",7} {"settled",8} {"open",6} {"resolved",9}");
        foreach (var r in rows)
        {
            Console.WriteLine($"  {r.Measure,-32} {r.Period,-8} {r.Agreed,7} {r.Settled,8} {r.Open,6} {r.Resolved,9}");
        }
    }
}
