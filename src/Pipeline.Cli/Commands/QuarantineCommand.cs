using System.CommandLine;
using Pipeline.Cli.Sources;
using Pipeline.Core.Periods;
using Pipeline.Jobs.Sources;
using Pipeline.Normalisation;
using Pipeline.Warehouse.Migrations;
using Pipeline.Warehouse.Operations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline quarantine list|retry`: what was not placed or was refused, and, once a mapping is fixed
/// (`units map`), a reload of every (source, period) with open load quarantine.
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create(CliContext context)
    {
        var listSource = SourceOptions.Create("Only this source.");
        var reason = new Option<string>("--reason") { Description = "Only this reason code (ambiguous_unit, split_without_primary, duplicate_row, ...)." };
        var stage = new Option<string>("--stage")
        {
            Description = "load: records the normaliser could not place on a unit (open until a load places them); pull: records a connector refused.",
            DefaultValueFactory = _ => "all",
        };
        stage.AcceptOnlyFromAmong("all", "load", "pull");
        var limit = new Option<int>("--limit") { Description = "Rows listed per stage (default 20); the summary counts everything.", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "Summary of open quarantine by stage, source and reason, then the rows with their candidates.")
        {
            listSource,
            reason,
            stage,
            limit,
        };
        list.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            var quarantine = new QuarantineReader(warehouse);
            var filter = new QuarantineFilter(parse.GetValue(listSource), parse.GetValue(reason), parse.GetValue(limit));
            var shown = parse.GetValue(stage)!;

            Console.WriteLine($"{"stage",-5} {"source",-8} {"reason",-22} {"records",8}");
            foreach (var s in await quarantine.SummaryAsync(filter.Source, ct))
            {
                Console.WriteLine($"{s.Stage,-5} {s.Source,-8} {s.Reason,-22} {s.Records,8}");
            }

            if (shown is "all" or "load")
            {
                Console.WriteLine();
                Console.WriteLine("Not placed on a unit (stage load):");
                foreach (var q in await quarantine.LoadAsync(filter, ct))
                {
                    var candidates = q.Candidates is { Length: > 0 } c ? $" candidates {c}" : string.Empty;
                    Console.WriteLine($"  {q.Source}/{q.Stream} {q.Period} {q.UnitKeyKind} '{q.UnitKey}'{Label(q.UnitLabel)} {q.Indicator}: {q.Reason}{candidates}");
                    Console.WriteLine($"      {q.Detail}");
                }
            }

            if (shown is "all" or "pull")
            {
                Console.WriteLine();
                Console.WriteLine("Refused by a connector (stage pull; fixed only by the source, then a new pull):");
                foreach (var q in await quarantine.PullAsync(filter, ct))
                {
                    Console.WriteLine($"  {q.Source}/{q.Stream} {q.Period} {q.RecordRef}: {q.Reason}: {q.Detail}");
                    Console.WriteLine($"      {q.Raw}");
                }
            }

            return ExitCodes.Success;
        });

        var retrySource = SourceOptions.Create("Only this source.");
        var retry = new Command("retry", "Reload every (source, period) with open load quarantine, e.g. after `units map`: placed records are released.")
        {
            retrySource,
        };
        retry.SetAction(async (parse, ct) =>
        {
            var units = new ReferenceUnits(await UnitsCommand.ReadAsync(context.AdminUnitsDirectory));
            await using var warehouse = await context.OpenWarehouseAsync(ct);
            await new Migrator(warehouse, context.Time).MigrateAsync(ct);
            var open = await new QuarantineReader(warehouse).OpenPeriodsAsync(parse.GetValue(retrySource), ct);

            var loads = new SourceLoads(context.Time, units, Console.Error);
            var reports = new List<Warehouse.Facts.LoadReport>();
            foreach (var group in open.GroupBy(o => o.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var source = SourceCatalog.All.SingleOrDefault(s => s.Name == group.Key);
                if (source is null)
                {
                    await Console.Error.WriteLineAsync($"quarantine of unknown source '{group.Key}' skipped: this build has no connector for it");
                    continue;
                }

                reports.AddRange(await loads.RunAsync([source], [.. group.Select(g => Period.Parse(g.Period))], warehouse, ct));
            }

            if (reports.Count == 0)
            {
                Console.WriteLine("No open load quarantine: nothing to retry.");
                return ExitCodes.Success;
            }

            LoadTable.Print(reports);
            return reports.All(r => r.Status == "succeeded") ? ExitCodes.Success : ExitCodes.Failure;
        });

        return new Command("quarantine", "Records not placed on a unit (load) or refused by a connector (pull): list them, retry after a fix.") { list, retry };
    }

    private static string Label(string? label) => label is null ? string.Empty : $" ({label})";
}
