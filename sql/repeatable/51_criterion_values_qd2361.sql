-- internal.criterion_values_qd2361 is the definition; analytics.criterion_values_qd2361 is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- Every 2361 criterion value a commune has for a map and year, measured or attested, as the evaluator reads it. A
-- criterion a system measures never takes an attested value (the import refuses them; this view ignores any that
-- slipped in).
create or replace view internal.criterion_values_qd2361 as
select era, unit_code, year, criterion, value, denominator, 'automatic'::text as status, simulated, origin, sources, resolution,
       null::text as evidence_url, null::text as attested_by, null::timestamptz as attested_at, low, high
  from internal.criterion_inputs_qd2361
union all
select a.era, a.unit_code, a.year, a.criterion, a.value, a.denominator, 'attested', false, 'attested by the commune', a.source_file,
       a.source_row, a.evidence_url, a.attested_by, a.attested_at, null::numeric, null::numeric
  from fact.attestation a
 where a.framework = 'qd2361'
   and not exists (select 1 from fact.criterion_source s where s.framework = a.framework and s.criterion = a.criterion);
comment on view internal.criterion_values_qd2361 is '2361 criterion values per map (era), commune and year: automatic (from the sources) or attested (by the commune).';
revoke all on internal.criterion_values_qd2361 from pipeline_analyst;
grant select on internal.criterion_values_qd2361 to pipeline_loader, pipeline_steward;

create or replace view analytics.criterion_values_qd2361 with (security_barrier) as
select * from internal.criterion_values_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));
grant select on analytics.criterion_values_qd2361 to pipeline_analyst, pipeline_steward, pipeline_loader;
