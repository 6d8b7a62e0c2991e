-- One compared value (@id) with its unit's names, the values compared and the decision, as JSON text for the reader.
select r.reconciliation_id as id, r.era, r.unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       r.measure, m.title as measure_title, r.period, r.status, r.reason, r.spread, r.relative_spread,
       r.candidates::text as candidates, r.suggestion::text as suggestion, r.chosen::text as chosen,
       r.decided_by, r.decided_at, r.decision_note, r.evidence_url, r.first_seen_at, r.changed_at
  from fact.reconciliation r
  join fact.measure m on m.measure = r.measure
  join ref.admin_unit u on u.era = r.era and u.code = r.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
 where r.reconciliation_id = @id;
