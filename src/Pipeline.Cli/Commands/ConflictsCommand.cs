using System.CommandLine;
using System.Globalization;
using Pipeline.Core.Input;
using Pipeline.Warehouse.Levels;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline conflicts list|show|resolve`: the data steward's queue at the command line, the same reads and checks as
/// the steward page (<see cref="ConflictReader"/>, <see cref="StewardDecisions"/>). A decision re-evaluates the
/// levels of the period's year at once, so they never rest on a value the steward has replaced.
/// </summary>
internal static class ConflictsCommand
{
    public static Command Create(CliContext context) => new("conflicts", "Values two sources disagree on: the queue, one conflict in full, a steward's decision.")
    {
        List(context),
        Show(context),
        Resolve(context),
    };

    private static Command List(CliContext context)
    {
        var status = new Option<string>("--status") { Description = "Only this status (open, settled, resolved, agreed, withdrawn); default the conflicts: open, settled and resolved." };
        status.AcceptOnlyFromAmong(ReconciliationStatus.Open, ReconciliationStatus.Settled, ReconciliationStatus.Resolved, ReconciliationStatus.Agreed, ReconciliationStatus.Withdrawn);
        var province = new Option<string>("--province") { Description = "Province code of the unit's era (e.g. 51)." };
        var measure = new Option<string>("--measure") { Description = "Only this measure (e.g. dossiers_received)." };
        var period = new Option<string>("--period") { Description = "Only this period (e.g. 2025-11, 2025-Q3)." };
        var limit = new Option<int>("--limit") { Description = "Rows listed (default 50).", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "The queue: conflicts newest period first, with each source's value, the policy's suggestion and the value that counts.")
        {
            status,
            province,
            measure,
            period,
            limit,
        };
        list.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var filter = new ConflictFilter(parse.GetValue(status), parse.GetValue(province), parse.GetValue(measure), parse.GetValue(period), Math.Max(0, parse.GetValue(limit)));
            var rows = await new ConflictReader(warehouse).ListAsync(filter, ct);
            Console.WriteLine($"{"id",8} {"status",-9} {"period",-8} {"unit",-6} {"name",-24} {"measure",-30} {"gap",6}  values -> counts");
            foreach (var r in rows)
            {
                var gap = r.RelativeSpread is { } g ? g.ToString("P0", CultureInfo.InvariantCulture) : "";
                var counts = r.Chosen ?? (r.Suggestion is { } s ? $"pending (policy suggests {s})" : "pending");
                Console.WriteLine($"{r.Id,8} {r.Status,-9} {r.Period,-8} {r.UnitCode,-6} {Cut(r.UnitName, 24),-24} {Cut(r.Measure, 30),-30} {gap,6}  {r.SourceValues}{(r.Simulated ? " SIMULATED" : "")} -> {counts}");
            }

            Console.WriteLine($"{rows.Count} rows{(rows.Count == filter.Limit ? $" (the first {filter.Limit}; --limit for more)" : "")}.");
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The conflict's id (from `conflicts list`)." };
        var show = new Command("show", "One conflict: every source's value with its earlier values, the policy's suggestion, the decision and its audit trail.") { id };
        show.SetAction(async (parse, ct) =>
        {
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var detail = await new ConflictReader(warehouse).GetAsync(parse.GetValue(id), ct)
                ?? throw new BadInputException(new InputProblem("id", null, $"no conflict {parse.GetValue(id)}"));
            ConflictText.Print(detail);
            return ExitCodes.Success;
        });
        return show;
    }

    private static Command Resolve(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The conflict's id (from `conflicts list`)." };
        var accept = new Option<string>("--accept") { Description = "Accept this source's value: source/stream as `conflicts show` lists it (e.g. emc/dossier-stats)." };
        var numerator = new Option<decimal?>("--numerator") { Description = "Override: the count that counts." };
        var denominator = new Option<decimal?>("--denominator") { Description = "Override: its denominator (required when the sources give one)." };
        var value = new Option<decimal?>("--value") { Description = "Override: the value, for measures without a count (scores)." };
        var reason = new Option<string>("--reason") { Description = "Why (required for an override)." };
        var evidence = new Option<string>("--evidence") { Description = "Link to the evidence (http or https; required for an override)." };
        var by = new Option<string>("--by") { Description = "The steward deciding (default: the signed-in user)." };
        var resolve = new Command("resolve", "Decide a conflict: --accept SOURCE/STREAM, or an override (--numerator/--value with --reason and --evidence). Levels of the year are re-evaluated.")
        {
            id,
            accept,
            numerator,
            denominator,
            value,
            reason,
            evidence,
            by,
        };
        resolve.SetAction(async (parse, ct) =>
        {
            var conflict = parse.GetValue(id);
            var steward = parse.GetValue(by) ?? Environment.UserName;
            await using var warehouse = await context.OpenMigratedWarehouseAsync(ct);
            var decision = new StewardDecision(
                parse.GetValue(accept), parse.GetValue(numerator), parse.GetValue(denominator), parse.GetValue(value), parse.GetValue(reason), parse.GetValue(evidence));
            Candidate chosen;
            try
            {
                chosen = await new StewardDecisions(warehouse, context.Time).DecideAsync(conflict, decision, steward, ct);
            }
            catch (StewardDecisionException e)
            {
                throw new BadInputException(new InputProblem(e.Problem == StewardDecisionProblem.NotFound ? "id" : "decision", null, e.Message));
            }

            Console.WriteLine($"Conflict {conflict} resolved by {steward}: {chosen.Origin} = {chosen.Compared}{(chosen.Denominator is { } d ? $" / {d}" : "")}.");
            var detail = (await new ConflictReader(warehouse).GetAsync(conflict, ct))!;
            var units = await UnitsCommand.ReadAsync(context.AdminUnitsDirectory);
            foreach (var levels in await new CommuneLevels(warehouse, units, context.Time).EvaluatePeriodAsync(detail.Period, ct))
            {
                Console.WriteLine($"Re-evaluated: {levels}.");
            }

            return ExitCodes.Success;
        });
        return resolve;
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
