-- A steward's decision: this key of this source is this unit. It replaces a label mapping of the same key.
insert into fact.unit_mapping as m (source, unit_key_kind, unit_key, era, unit_code, method, label, note, decided_by, decided_at)
values (@source, @unit_key_kind, @unit_key, @era, @unit_code, 'steward', null, @note, @decided_by, @now)
on conflict (source, unit_key_kind, unit_key) do update
   set era = excluded.era, unit_code = excluded.unit_code, method = 'steward', note = excluded.note,
       decided_by = excluded.decided_by, decided_at = excluded.decided_at
returning (xmax = 0) as inserted;
