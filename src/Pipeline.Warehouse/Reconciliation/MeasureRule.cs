namespace Pipeline.Warehouse.Reconciliation;

/// <summary>
/// A row of <c>fact.measure</c>: when values of a measure conflict and which one the precedence policy picks.
/// Values conflict when their spread (largest minus smallest compared value) exceeds both tolerances; a conflict is
/// settled by the policy unless the policy is "steward", it finds no value to pick, or the relative spread exceeds
/// <see cref="StewardAbove"/> (then the pick is only a suggestion and the conflict waits for a steward).
/// </summary>
public sealed record MeasureRule(
    string Measure,
    decimal AbsoluteTolerance,
    decimal RelativeTolerance,
    string Policy,
    IReadOnlyList<string> SourceOrder,
    decimal? StewardAbove)
{
    public Judgement Judge(IReadOnlyList<Candidate> candidates)
    {
        var compared = candidates.Select(c => c.Compared).OfType<decimal>().ToList();
        var (low, high) = compared.Count == 0 ? (0m, 0m) : (compared.Min(), compared.Max());
        var spread = high - low;
        var scale = Math.Max(Math.Abs(low), Math.Abs(high));
        decimal? relative = scale == 0 ? null : spread / scale;
        var (pick, pickReason) = Pick(candidates);

        if (spread <= AbsoluteTolerance || (relative ?? 0) <= RelativeTolerance)
        {
            // No conflict: the value that counts is still the policy's pick, so agreeing sources give one answer.
            return new Judgement(ReconciliationStatus.Agreed, ReconciliationReasons.WithinTolerance, spread, relative, pick, pick ?? candidates[0]);
        }

        if (Policy == PrecedencePolicies.Steward)
        {
            return new Judgement(ReconciliationStatus.Open, ReconciliationReasons.StewardPolicy, spread, relative, null, null);
        }

        if (pick is null)
        {
            return new Judgement(ReconciliationStatus.Open, pickReason, spread, relative, null, null);
        }

        if (StewardAbove is { } threshold && relative > threshold)
        {
            return new Judgement(ReconciliationStatus.Open, ReconciliationReasons.BeyondStewardThreshold, spread, relative, pick, null);
        }

        return new Judgement(ReconciliationStatus.Settled, pickReason, spread, relative, pick, pick);
    }

    /// <summary>
    /// The policy's pick: a complete value first (a rebased value missing a predecessor understates), an incomplete
    /// one only when no candidate is complete (it stays marked incomplete, and evaluators skip it).
    /// </summary>
    private (Candidate? Pick, string Reason) Pick(IReadOnlyList<Candidate> candidates)
    {
        switch (Policy)
        {
            case PrecedencePolicies.OrderedSources:
                var ordered = candidates
                    .Where(c => SourceOrder.Contains(c.Source))
                    .OrderBy(c => IndexOf(c.Source))
                    .ThenBy(c => c.Stream, StringComparer.Ordinal)
                    .ToList();
                return ordered.FirstOrDefault(c => c.Complete) is { } complete ? (complete, ReconciliationReasons.SourceOrder)
                    : ordered.FirstOrDefault() is { } first ? (first, ReconciliationReasons.SourceOrderIncomplete)
                    : (null, ReconciliationReasons.NoSourceInOrder);
            case PrecedencePolicies.Largest:
                var largest = candidates
                    .Where(c => c.Compared is not null)
                    .OrderByDescending(c => c.Complete)
                    .ThenByDescending(c => c.Compared)
                    .ThenBy(c => c.Origin, StringComparer.Ordinal)
                    .FirstOrDefault();
                return largest is null ? (null, ReconciliationReasons.StewardPolicy)
                    : (largest, largest.Complete ? ReconciliationReasons.LargestComplete : ReconciliationReasons.LargestIncomplete);
            default:
                return (null, ReconciliationReasons.StewardPolicy);
        }
    }

    private int IndexOf(string source)
    {
        for (var i = 0; i < SourceOrder.Count; i++)
        {
            if (SourceOrder[i] == source)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

/// <summary>
/// What a rule makes of the current values: the status, why, how far apart they are, the policy's pick
/// (<see cref="Suggestion"/>) and the value that counts (<see cref="Chosen"/>, null while a steward must decide).
/// </summary>
public sealed record Judgement(string Status, string Reason, decimal Spread, decimal? RelativeSpread, Candidate? Suggestion, Candidate? Chosen);
