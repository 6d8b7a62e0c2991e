using System.Globalization;
using Pipeline.Warehouse.Reconciliation;

namespace Pipeline.Cli.Commands;

/// <summary>One conflict as `conflicts show` prints it.</summary>
internal static class ConflictText
{
    public static void Print(ConflictDetail c)
    {
        Console.WriteLine($"Conflict {c.Id}: {c.MeasureTitle} ({c.Measure}), {c.Period}");
        Console.WriteLine($"  unit      {c.UnitCode} {c.UnitName}, {c.ProvinceName} (era {c.Era})");
        Console.WriteLine($"  status    {c.Status} ({c.Reason}); gap {c.Spread.ToString(CultureInfo.InvariantCulture)}{(c.RelativeSpread is { } relative ? $" = {relative.ToString("P1", CultureInfo.InvariantCulture)}" : "")}");
        Console.WriteLine("  values");
        foreach (var v in c.Candidates)
        {
            Console.WriteLine($"    {v.Origin,-28} {Value(v)}{(v.Complete ? "" : "  incomplete")}{(v.Simulated ? "  SIMULATED" : "")}  revision {v.Revision}");
        }

        Console.WriteLine($"  suggested {(c.Suggestion is { } s ? $"{s.Origin} (precedence policy)" : "none")}");
        Console.WriteLine($"  counts    {(c.Chosen is { } counted ? $"{counted.Origin} {Value(counted)}" : "nothing until a steward decides")}");
        if (c.DecidedBy is not null)
        {
            Console.WriteLine($"  decided   by {c.DecidedBy} at {c.DecidedAt:yyyy-MM-dd HH:mm} UTC: {c.DecisionNote}{(c.EvidenceUrl is null ? "" : $" ({c.EvidenceUrl})")}");
        }

        if (c.SourceRevisions.Count > 0)
        {
            Console.WriteLine("  earlier values from the sources");
            foreach (var r in c.SourceRevisions)
            {
                Console.WriteLine($"    {r.Source}/{r.Stream,-20} revision {r.Revision}: {Number(r.Numerator ?? r.Value)}{(r.Denominator is { } d ? $" / {Number(d)}" : "")} ({r.Change} by load run {r.ReplacedByRun})");
            }
        }

        Console.WriteLine("  history");
        foreach (var e in c.History)
        {
            var chosen = e.ChosenAfter is { } after ? $" -> {after.Origin} {Value(after)}" : "";
            Console.WriteLine($"    {e.At:yyyy-MM-dd HH:mm} {e.Actor,-12} {e.Action,-14} {e.StatusBefore ?? "-"} -> {e.StatusAfter} ({e.Reason}){chosen}{(e.Note is null ? "" : $": {e.Note}")}");
        }
    }

    private static string Value(Candidate v) => $"{Number(v.Compared)}{(v.Denominator is { } d ? $" / {Number(d)}" : "")}";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
