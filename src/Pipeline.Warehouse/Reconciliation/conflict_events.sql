-- The audit trail of one compared value (@id), oldest first.
select event_id, at, actor, action, status_before, status_after, chosen_before::text as chosen_before,
       chosen_after::text as chosen_after, candidates::text as candidates, reason, note, evidence_url
  from fact.reconciliation_event
 where reconciliation_id = @id
 order by event_id;
