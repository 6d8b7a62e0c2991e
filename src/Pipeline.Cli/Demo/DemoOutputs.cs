using Npgsql;
using Pipeline.Warehouse.Operations;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Cli.Demo;

/// <summary>The demo's tables under out/: the run history of pulls and loads, the open quarantine of both stages, and the conflicts between sources.</summary>
internal static class DemoOutputs
{
    public static async Task WriteAsync(NpgsqlDataSource warehouse, string outDirectory, CancellationToken ct)
    {
        var quarantine = new QuarantineReader(warehouse);
        await WriteAsync(Path.Combine(outDirectory, "runs.csv"), sink => new RunHistory(warehouse).ExportAsync(1000, sink, ct));
        await WriteAsync(Path.Combine(outDirectory, "quarantine.csv"), sink => quarantine.ExportLoadAsync(sink, ct));
        await WriteAsync(Path.Combine(outDirectory, "quarantine_pull.csv"), sink => quarantine.ExportPullAsync(sink, ct));
        await WriteAsync(Path.Combine(outDirectory, "conflicts.csv"), sink => new ConflictReader(warehouse).ExportAsync(sink, ct));
    }

    /// <summary>One table as CSV, written whole or not at all.</summary>
    private static async Task WriteAsync(string path, Func<CsvTableSink, Task> export)
    {
        var sink = new CsvTableSink(path);
        using (sink)
        {
            await export(sink);
            sink.Commit();
        }
    }
}
