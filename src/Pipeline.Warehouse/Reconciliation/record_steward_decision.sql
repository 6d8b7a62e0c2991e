-- A steward's decision on one row (@id): the chosen value, who, when, why and the evidence, and its audit event.
with decided as (
    update fact.reconciliation
       set status = 'resolved', reason = @reason, chosen = @chosen::jsonb, decided_by = @steward, decided_at = @now,
           decision_note = @note, evidence_url = @evidence, changed_at = @now
     where reconciliation_id = @id
    returning reconciliation_id, candidates
)
insert into fact.reconciliation_event (reconciliation_id, at, actor, action, status_before, status_after, chosen_before,
                                       chosen_after, candidates, reason, note, evidence_url)
select reconciliation_id, @now, @steward, @action, @status_before, 'resolved', @chosen_before::jsonb, @chosen::jsonb,
       candidates, @reason, @note, @evidence
  from decided;
