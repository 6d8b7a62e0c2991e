-- The staged quarantine is every record of this source and period the normaliser could not place now. Open rows
-- not in it were placed by this load (a mapping was added, a name fixed): they are released, not deleted. Rows
-- already open with the same reason and detail are left as they are, so an unchanged reload writes nothing.
with released as (
    update fact.quarantine q
       set released_at = @now, released_by_run = @load_run_id
     where q.source = @source and q.period = @period and q.released_at is null
       and not exists (
           select 1 from stage_fact_quarantine s
            where s.stream = q.stream and s.unit_key_kind = q.unit_key_kind and s.unit_key = q.unit_key and s.indicator = q.indicator)
    returning 1
), upserted as (
    insert into fact.quarantine as q
        (source, stream, unit_key_kind, unit_key, unit_label, indicator, period, reason, detail, candidates, payload_id,
         record_ref, first_load_run_id, last_load_run_id)
    select @source, s.stream, s.unit_key_kind, s.unit_key, s.unit_label, s.indicator, @period, s.reason, s.detail,
           s.candidates, s.payload_id, s.record_ref, @load_run_id, @load_run_id
      from stage_fact_quarantine s
    on conflict (source, stream, unit_key_kind, unit_key, indicator, period) do update
       set unit_label = excluded.unit_label,
           reason = excluded.reason,
           detail = excluded.detail,
           candidates = excluded.candidates,
           payload_id = excluded.payload_id,
           record_ref = excluded.record_ref,
           last_load_run_id = excluded.last_load_run_id,
           released_at = null,
           released_by_run = null
     where (q.reason, q.detail, q.candidates, q.payload_id, q.record_ref, q.released_at is null)
           is distinct from (excluded.reason, excluded.detail, excluded.candidates, excluded.payload_id, excluded.record_ref, true)
    returning 1
)
select (select count(*) from stage_fact_quarantine)::int as quarantined,
       (select count(*) from released)::int as released;
