using Pipeline.Warehouse.Facts;

namespace Pipeline.Cli.Sources;

/// <summary>Prints load reports as the table operators read after a load, with the load's speed.</summary>
internal static class LoadTable
{
    public static void Print(IReadOnlyList<LoadReport> reports)
    {
        Console.WriteLine("Loads into facts:");
        Console.WriteLine($"  {"source",-8} {"period",-8} {"status",-9} {"read",8} {"new",8} {"same",8} {"revised",7} {"withdrawn",9} {"quarant.",8} {"released",8} {"time",8}");
        foreach (var r in reports)
        {
            Console.WriteLine(
                $"  {r.Source,-8} {r.Period,-8} {r.Status,-9} {r.RowsRead,8} {r.Inserted,8} {r.Unchanged,8} {r.Revised,7} {r.Withdrawn,9} " +
                $"{r.Quarantined,8} {r.Released,8} {r.Duration.TotalSeconds,6:F1} s");
            if (r.Error is not null)
            {
                Console.WriteLine($"           load {r.LoadRunId}: {r.Error}");
            }
        }

        var seconds = reports.Sum(r => r.Duration.TotalSeconds);
        var rows = reports.Sum(r => r.RowsRead);
        if (seconds > 0)
        {
            Console.WriteLine($"  {rows:N0} intake rows in {seconds:F1} s: {rows / seconds:N0} rows/s");
        }
    }
}
