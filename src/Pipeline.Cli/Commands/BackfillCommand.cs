using System.CommandLine;
using Hangfire;
using Pipeline.Core.Input;
using Pipeline.Core.Periods;
using Pipeline.Jobs;
using Pipeline.Jobs.Sources;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline backfill --source NAME --from P --to P`: one pull job per period of the source's cadence, enqueued on
/// the source's queue in the warehouse's job storage; running hosts pick them up (their per-source concurrency
/// bounds how many run at once). Enqueued jobs are the same as the nightly ones, so a period pulled before is
/// harmless to pull again.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliContext context)
    {
        var source = SourceOptions.Create("The source to backfill.", required: true);
        var from = new Option<string>("--from") { Description = "First period, of the source's cadence (2023-01, 2023-Q1).", Required = true };
        var to = new Option<string>("--to") { Description = "Last period, inclusive.", Required = true };
        var backfill = new Command("backfill", "Enqueue one pull job per period between --from and --to for the scheduler hosts to run.")
        {
            source,
            from,
            to,
        };
        backfill.SetAction(async (parse, ct) =>
        {
            var entry = SourceCatalog.Select(parse.GetRequiredValue(source))[0];
            var periods = Between(entry.Descriptor.Cadence, parse.GetRequiredValue(from), parse.GetRequiredValue(to));
            var connectionString = await context.WarehouseConnectionStringAsync(ct);
            await using (var warehouse = Warehouse.WarehouseDataSource.Create(connectionString))
            {
                await new Migrator(warehouse, context.Time).MigrateAsync(ct);
            }

            var ids = JobQueue.EnqueuePulls(new BackgroundJobClient(JobQueue.Storage(connectionString)), entry.Name, periods.Select(p => p.ToString()));
            Console.WriteLine($"Enqueued {ids.Count} pull jobs of {entry.Name} on queue '{JobQueue.QueueOf(entry.Name)}': {periods[0]} .. {periods[^1]} (job ids {ids[0]}..{ids[^1]}).");
            return ExitCodes.Success;
        });
        return backfill;
    }

    private static List<Period> Between(PeriodKind cadence, string fromText, string toText)
    {
        var first = Parse("--from", fromText, cadence);
        var last = Parse("--to", toText, cadence);
        if (last.Start < first.Start)
        {
            throw new BadInputException(new InputProblem("--to", null, $"{last} is before --from {first}"));
        }

        var periods = new List<Period>();
        for (var p = last; p.Start >= first.Start; p = p.Previous())
        {
            periods.Add(p);
        }

        periods.Reverse();
        return periods;
    }

    private static Period Parse(string option, string text, PeriodKind cadence)
    {
        Period period;
        try
        {
            period = Period.Parse(text);
        }
        catch (FormatException e)
        {
            throw new BadInputException(new InputProblem(option, null, e.Message));
        }

        return period.Kind == cadence
            ? period
            : throw new BadInputException(new InputProblem(option, null, $"{text} is a {period.Kind.ToString().ToLowerInvariant()}, but the source publishes {cadence.ToString().ToLowerInvariant()}s"));
    }
}
