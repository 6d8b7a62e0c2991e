-- Writes the detector's changes (stage_reconciliation) for one period (@period): new rows inserted, changed rows
-- updated (a steward decision the values no longer support is cleared; the event keeps it), and one event each.
with inserted as (
    insert into fact.reconciliation (era, unit_code, measure, period, period_start, period_end, status, reason, candidates,
                                     spread, relative_spread, suggestion, chosen, first_seen_at, changed_at)
    select era, unit_code, measure, @period, period_start, period_end, status, reason, candidates,
           spread, relative_spread, suggestion, chosen, @now, @now
      from stage_reconciliation
     where reconciliation_id is null
    returning reconciliation_id, era, unit_code, measure
), updated as (
    update fact.reconciliation r
       set status = s.status, reason = s.reason, candidates = s.candidates, spread = s.spread,
           relative_spread = s.relative_spread, suggestion = s.suggestion, chosen = s.chosen,
           decided_by = null, decided_at = null, decision_note = null, evidence_url = null, changed_at = @now
      from stage_reconciliation s
     where s.reconciliation_id = r.reconciliation_id
    returning r.reconciliation_id
)
insert into fact.reconciliation_event (reconciliation_id, at, actor, action, status_before, status_after, chosen_before,
                                       chosen_after, candidates, reason, note)
select coalesce(s.reconciliation_id, i.reconciliation_id), @now, 'pipeline', s.action, s.status_before, s.status,
       s.chosen_before, s.chosen, s.candidates, s.reason, @note
  from stage_reconciliation s
  left join inserted i on s.reconciliation_id is null and i.era = s.era and i.unit_code = s.unit_code and i.measure = s.measure;
