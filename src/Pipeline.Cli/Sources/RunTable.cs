using Pipeline.Intake;

namespace Pipeline.Cli.Sources;

/// <summary>Prints run reports as the table operators read after a pull.</summary>
internal static class RunTable
{
    public static void Print(IEnumerable<RunReport> reports, bool simulated)
    {
        Console.WriteLine(simulated ? "Runs (SIMULATED sources):" : "Runs:");
        Console.WriteLine($"  {"source",-8} {"period",-8} {"status",-9} {"pages",5} {"records",8} {"new",8} {"revised",7} {"same",8} {"quarant.",8} {"refused",7} {"time",8}");
        foreach (var r in reports)
        {
            Console.WriteLine(
                $"  {r.Source,-8} {r.Period,-8} {r.Status,-9} {r.PagesLanded + r.PagesUnchanged,5} {r.RecordsRead,8} {r.RecordsInserted,8} " +
                $"{r.RecordsRevised,7} {r.RecordsUnchanged,8} {r.Quarantined,8} {r.PayloadsRejected,7} {r.Duration.TotalSeconds,6:F1} s");
            if (r.Error is not null)
            {
                Console.WriteLine($"           run {r.RunId}: {r.Error}");
            }
        }
    }
}
