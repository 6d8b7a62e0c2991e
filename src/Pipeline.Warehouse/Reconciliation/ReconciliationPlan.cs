namespace Pipeline.Warehouse.Reconciliation;

/// <summary>A unit x measure x period's stored reconciliation, as the detector reads it before deciding.</summary>
public sealed record StoredReconciliation(long Id, string Status, IReadOnlyList<Candidate> Candidates, Candidate? Chosen);

/// <summary>
/// A change to write: the row's new state and the event that records it. <see cref="ReconciliationId"/> is null for
/// a row seen for the first time.
/// </summary>
public sealed record ReconciliationChange(
    long? ReconciliationId,
    UnitMeasure Key,
    string Action,
    string? StatusBefore,
    Candidate? ChosenBefore,
    IReadOnlyList<Candidate> Candidates,
    Judgement Judgement);

/// <summary>One comparison's place within a period: the unit (era, code) and the measure.</summary>
public sealed record UnitMeasure(short Era, string UnitCode, string Measure);

/// <summary>
/// Decides, without a database, what the detector does with one unit x measure in a period: nothing when the values are
/// those already compared (a rerun changes nothing), a new row, a re-judged row, a reopened steward decision when a
/// value it rested on changed, or a withdrawn row when fewer than two values remain.
/// </summary>
public static class ReconciliationPlan
{
    public static ReconciliationChange? For(UnitMeasure key, StoredReconciliation? stored, IReadOnlyList<Candidate> candidates, MeasureRule rule)
    {
        if (candidates.Count < 2)
        {
            return stored is null || stored.Status == ReconciliationStatus.Withdrawn
                ? null
                : new ReconciliationChange(
                    stored.Id, key, ReconciliationActions.Withdrawn, stored.Status, stored.Chosen, candidates,
                    new Judgement(ReconciliationStatus.Withdrawn, ReconciliationReasons.FewerThanTwoValues, 0, null, null, null));
        }

        var judgement = rule.Judge(candidates);
        if (stored is null)
        {
            return new ReconciliationChange(null, key, ReconciliationActions.Detected, null, null, candidates, judgement);
        }

        if (Candidate.SameValues(stored.Candidates, candidates))
        {
            return null;
        }

        // A steward's decision rested on the values it saw; when one changes, the steward looks again (unless the
        // sources now agree, when there is nothing left to decide).
        if (stored.Status == ReconciliationStatus.Resolved && judgement.Status != ReconciliationStatus.Agreed)
        {
            var reopened = judgement with { Status = ReconciliationStatus.Open, Reason = ReconciliationReasons.SourceRevised, Chosen = null };
            return new ReconciliationChange(stored.Id, key, ReconciliationActions.Reopened, stored.Status, stored.Chosen, candidates, reopened);
        }

        return new ReconciliationChange(stored.Id, key, ReconciliationActions.ValuesChanged, stored.Status, stored.Chosen, candidates, judgement);
    }
}
