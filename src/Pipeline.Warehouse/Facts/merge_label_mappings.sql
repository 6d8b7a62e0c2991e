-- Source ids the normaliser placed through their labels. A steward's mapping of the same id is never overwritten.
insert into fact.unit_mapping as m (source, unit_key_kind, unit_key, era, unit_code, method, label, decided_by, decided_at)
select @source, s.unit_key_kind, s.unit_key, s.era, s.unit_code, 'label', s.label, 'normaliser', @now
  from stage_label_mapping s
on conflict (source, unit_key_kind, unit_key) do update
   set era = excluded.era, unit_code = excluded.unit_code, label = excluded.label, decided_at = excluded.decided_at
 where m.method = 'label' and (m.era, m.unit_code, m.label) is distinct from (excluded.era, excluded.unit_code, excluded.label);
