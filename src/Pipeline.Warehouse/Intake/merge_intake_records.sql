-- Merge one page's staged records. Both statements see the table as it was before the page: the first keeps the
-- values about to be replaced, the second writes only rows that are new or differ (an unchanged reload writes
-- nothing: ../shared/ENGINEERING-NOTES.md).
with kept as (
    insert into intake.record_revision
        (source, stream, unit_key_kind, unit_key, indicator, period, revision, numerator, denominator, value, payload_id, record_ref, replaced_by_run)
    select r.source, r.stream, r.unit_key_kind, r.unit_key, r.indicator, r.period, r.revision,
           r.numerator, r.denominator, r.value, r.payload_id, r.record_ref, @run_id
      from stage_record s
      join intake.record r
        on r.source = @source and r.stream = @stream and r.unit_key_kind = s.unit_key_kind
       and r.unit_key = s.unit_key and r.indicator = s.indicator and r.period = s.period
     where (r.numerator, r.denominator, r.value, r.value_unit) is distinct from (s.numerator, s.denominator, s.value, s.value_unit)
), merged as (
    insert into intake.record as r
        (source, stream, unit_key_kind, unit_key, unit_label, indicator, period, numerator, denominator, value, value_unit,
         payload_id, record_ref, first_run_id, last_changed_run_id)
    select @source, @stream, s.unit_key_kind, s.unit_key, s.unit_label, s.indicator, s.period, s.numerator, s.denominator, s.value, s.value_unit,
           @payload_id, s.record_ref, @run_id, @run_id
      from stage_record s
    on conflict (source, stream, unit_key_kind, unit_key, indicator, period) do update
       set unit_label = excluded.unit_label,
           numerator = excluded.numerator,
           denominator = excluded.denominator,
           value = excluded.value,
           value_unit = excluded.value_unit,
           payload_id = excluded.payload_id,
           record_ref = excluded.record_ref,
           last_changed_run_id = excluded.last_changed_run_id,
           revision = r.revision + 1
     where (r.numerator, r.denominator, r.value, r.value_unit) is distinct from (excluded.numerator, excluded.denominator, excluded.value, excluded.value_unit)
    returning (xmax = 0) as inserted
)
select count(*) filter (where inserted)::int as inserted,
       count(*) filter (where not inserted)::int as revised
  from merged;
