-- Merge the staged facts of one source and period: the whole set its intake records give now. Every statement sees
-- fact.value as it was before: revised and withdrawn values are kept in fact.value_revision, only new or changed
-- rows are written (an unchanged reload writes nothing), and facts no longer produced (a mapping changed, a record
-- went to quarantine) are withdrawn.
with revised as (
    select v.*
      from fact.value v
      join stage_fact s
        on s.stream = v.stream and s.era = v.era and s.unit_code = v.unit_code and s.indicator = v.indicator
     where v.source = @source and v.period = @period
       and (v.numerator, v.denominator, v.value, v.value_unit, v.complete, v.unit_keys)
           is distinct from (s.numerator, s.denominator, s.value, s.value_unit, s.complete, s.unit_keys)
), withdrawn as (
    delete from fact.value v
     where v.source = @source and v.period = @period
       and not exists (
           select 1 from stage_fact s
            where s.stream = v.stream and s.era = v.era and s.unit_code = v.unit_code and s.indicator = v.indicator)
    returning v.*
), kept as (
    insert into fact.value_revision
        (source, stream, era, unit_code, indicator, period, revision, numerator, denominator, value, value_unit, complete,
         unit_keys, record_refs, intake_run_id, load_run_id, loaded_at, change, replaced_by_run)
    select source, stream, era, unit_code, indicator, period, revision, numerator, denominator, value, value_unit, complete,
           unit_keys, record_refs, intake_run_id, load_run_id, loaded_at, 'revised', @load_run_id
      from revised
    union all
    select source, stream, era, unit_code, indicator, period, revision, numerator, denominator, value, value_unit, complete,
           unit_keys, record_refs, intake_run_id, load_run_id, loaded_at, 'withdrawn', @load_run_id
      from withdrawn
), merged as (
    insert into fact.value as v
        (source, stream, era, unit_code, indicator, period, period_start, period_end, numerator, denominator, value,
         value_unit, complete, simulated, unit_keys, record_refs, intake_run_id, load_run_id, loaded_at)
    select @source, s.stream, s.era, s.unit_code, s.indicator, @period, @period_start, @period_end, s.numerator,
           s.denominator, s.value, s.value_unit, s.complete, s.simulated, s.unit_keys, s.record_refs, s.intake_run_id,
           @load_run_id, @now
      from stage_fact s
    on conflict (source, stream, era, unit_code, indicator, period) do update
       set numerator = excluded.numerator,
           denominator = excluded.denominator,
           value = excluded.value,
           value_unit = excluded.value_unit,
           complete = excluded.complete,
           simulated = excluded.simulated,
           unit_keys = excluded.unit_keys,
           record_refs = excluded.record_refs,
           intake_run_id = excluded.intake_run_id,
           load_run_id = excluded.load_run_id,
           loaded_at = excluded.loaded_at,
           revision = v.revision + 1
     where (v.numerator, v.denominator, v.value, v.value_unit, v.complete, v.unit_keys)
           is distinct from (excluded.numerator, excluded.denominator, excluded.value, excluded.value_unit, excluded.complete, excluded.unit_keys)
    returning (xmax = 0) as inserted
)
select (select count(*) from stage_fact)::int as staged,
       (count(*) filter (where inserted))::int as inserted,
       (count(*) filter (where not inserted))::int as revised,
       (select count(*) from withdrawn)::int as withdrawn
  from merged;
