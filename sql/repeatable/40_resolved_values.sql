-- internal.resolved_values is the definition; analytics.resolved_values is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- The values that count: per unit, measure and period, the resolved value of a compared measure (agreed, settled by
-- the precedence policy, decided by a steward, or pending while a steward must decide) and every other fact as its
-- source gave it. Evaluators and pre-fill read these, never a raw choice between sources.
create or replace view internal.resolved_values as
with facts as not materialized (
    select v.*, coalesce(mm.measure, v.indicator) as measure, mm.measure is not null as compared
      from fact.value v
      left join fact.measure_member mm on mm.source = v.source and mm.indicator = v.indicator
), reconciled as not materialized (
    select r.*,
           coalesce(r.chosen, r.suggestion, r.candidates -> 0) as shown,
           (select bool_or((c ->> 'simulated')::boolean) from jsonb_array_elements(r.candidates) c) as any_simulated
      from fact.reconciliation r
     where r.status <> 'withdrawn'
)
-- Facts no rule compares, and compared measures with a single current value: as the source gave them.
select f.era, f.unit_code, f.measure, f.indicator, f.period, f.period_start, f.period_end, f.numerator, f.denominator,
       f.value, f.value_unit, f.complete, f.simulated, f.source, f.stream,
       f.compared, 'single_source'::text as origin, null::text as reason, false as pending, null::bigint as reconciliation_id
  from facts f
 where not f.compared
    or not exists (select 1 from reconciled r
                    where r.era = f.era and r.unit_code = f.unit_code and r.measure = f.measure and r.period = f.period)
union all
select r.era, r.unit_code, r.measure, r.shown ->> 'indicator', r.period, r.period_start, r.period_end,
       (r.chosen ->> 'numerator')::numeric, (r.chosen ->> 'denominator')::numeric, (r.chosen ->> 'value')::numeric,
       r.shown ->> 'value_unit', coalesce((r.chosen ->> 'complete')::boolean, false), r.any_simulated,
       r.chosen ->> 'source', r.chosen ->> 'stream', true,
       case r.status
           when 'agreed' then 'agreed'
           when 'settled' then 'policy'
           when 'resolved' then case when r.chosen ->> 'source' = 'steward' then 'steward_override' else 'steward_accepted' end
           else 'pending_steward'
       end,
       r.reason, r.status = 'open', r.reconciliation_id
  from reconciled r;
comment on view internal.resolved_values is
    'The value that counts per unit, measure and period, with its origin: single_source, agreed, policy, steward_accepted, steward_override, or pending_steward (no value until a steward decides). Measures no rule compares keep one row per source and stream.';

revoke all on internal.resolved_values from pipeline_analyst;
grant select on internal.resolved_values to pipeline_loader, pipeline_steward;

-- Keyed by unit only: keep the units of the reader's provinces.
create or replace view analytics.resolved_values with (security_barrier) as
select * from internal.resolved_values v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);
grant select on analytics.resolved_values to pipeline_analyst, pipeline_steward, pipeline_loader;
