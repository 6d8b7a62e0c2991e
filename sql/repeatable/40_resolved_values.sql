-- internal.resolved_values is the definition; analytics.resolved_values is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- The values that count: per unit, measure and period, the resolved value of a compared measure (agreed, settled by
-- the precedence policy, decided by a steward, or pending while a steward must decide) and every other fact as its
-- source gave it. Evaluators and pre-fill read these, never a raw choice between sources.
create or replace view internal.resolved_values as
with facts as not materialized (
    select v.*, coalesce(mm.measure, v.indicator) as measure, mm.role = 'compared' as compared, mm.role, mm.parts as expected_parts
      from fact.value v
      left join fact.measure_member mm on mm.source = v.source and mm.indicator = v.indicator
), reconciled as not materialized (
    select r.*,
           coalesce(r.chosen, r.suggestion, r.candidates -> 0) as shown,
           (select bool_or((c ->> 'simulated')::boolean) from jsonb_array_elements(r.candidates) c) as any_simulated
      from fact.reconciliation r
     where r.status <> 'withdrawn'
), reported as not materialized (
    -- The streams that landed anything for the period (intake.cursor: one row per stream with a committed page): a
    -- part stream that reported the period but has no fact for a unit counts 0 there (its network does not reach
    -- it); one that has not reported the period leaves the combination open. intake.cursor is a few rows per period,
    -- where the facts would be hundreds of thousands.
    select c.source, c.period, array_agg(c.stream) as streams
      from intake.cursor c
     group by c.source, c.period
), parts as not materialized (
    select f.era, f.unit_code, f.measure, f.indicator, f.period, f.period_start, f.period_end, f.source,
           max(f.numerator) as largest, sum(f.numerator) as total, max(f.denominator) as denominator,
           bool_and(f.numerator is not null) as counted, bool_and(f.complete) as complete, bool_or(f.simulated) as simulated,
           string_agg(f.stream, ',' order by f.stream) as streams,
           -- independent_union: 1 - the product of (1 - share) over the parts, a share of 1 making it 1.
           bool_or(f.numerator >= f.denominator) as some_part_whole,
           -- In float8: numeric ln and exp cost seconds over a year of parts, and the estimate is rounded to cents.
           sum(ln(1 - f.numerator::float8 / f.denominator::float8)) filter (where f.denominator > 0 and f.numerator < f.denominator) as log_uncovered,
           jsonb_agg(jsonb_build_object('stream', f.stream, 'numerator', f.numerator, 'denominator', f.denominator,
                                        'complete', f.complete, 'load_run_id', f.load_run_id)
                     order by f.stream) as lineage,
           min(f.expected_parts) as expected_parts
      from facts f
     where f.role = 'part'
     group by f.era, f.unit_code, f.measure, f.indicator, f.period, f.period_start, f.period_end, f.source
), combined as not materialized (
    select p.*, m.point_rule,
           not (p.expected_parts <@ coalesce(r.streams, '{}')) as parts_open
      from parts p
      join fact.measure m on m.measure = p.measure
      left join reported r on r.source = p.source and r.period = p.period
)
-- Facts no rule compares or combines, and compared measures with a single current value: as the source gave them.
select f.era, f.unit_code, f.measure, f.indicator, f.period, f.period_start, f.period_end, f.numerator, f.denominator,
       f.value, f.value_unit, f.complete, f.simulated, f.source, f.stream,
       coalesce(f.compared, false) as compared, 'single_source'::text as origin, null::text as reason, false as pending,
       null::bigint as reconciliation_id, null::numeric as low, null::numeric as high, null::jsonb as parts
  from facts f
 where (f.role is null or f.role <> 'part')
   and (not coalesce(f.compared, false)
        or not exists (select 1 from reconciled r
                        where r.era = f.era and r.unit_code = f.unit_code and r.measure = f.measure and r.period = f.period))
   -- A de-duplicated total stands alone; the parts below give way to it.
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
       r.reason, r.status = 'open', r.reconciliation_id, null, null, null
  from reconciled r
union all
-- Parts of one total combined (sql/0015): the point estimate as numerator, the bounds beside it, every part in the
-- lineage. High is open (null) when a part stream has not reported the period, or there is no denominator to cap it
-- and a part is missing; otherwise the sum capped by the denominator (readers cap it by theirs, e.g. VNeID's
-- population for subscribers).
select c.era, c.unit_code, c.measure, c.indicator, c.period, c.period_start, c.period_end,
       case c.point_rule
           when 'independent_union' then
               -- Each part's share is over its own denominator; the union's share is taken of the largest one, and
               -- kept inside the bounds (shares of smaller denominators can carry it past the sum).
               least(c.total, greatest(c.largest,
                   case when c.denominator is null or c.denominator = 0 then c.largest
                        when c.some_part_whole then c.denominator
                        else round(c.denominator * (1 - exp(coalesce(c.log_uncovered, 0)))::numeric, 2)
                   end))
           else c.largest
       end,
       c.denominator, null::numeric, 'count'::text, c.complete, c.simulated, c.source, c.streams,
       false, case when c.parts_open then 'parts_incomplete' else 'combined_parts' end,
       case when c.parts_open then 'a part stream has not reported the period: the high bound is open' end,
       false, null::bigint,
       c.largest,
       case when c.parts_open then c.denominator else least(c.total, coalesce(c.denominator, c.total)) end,
       c.lineage
  from combined c
 where c.counted
   and not exists (select 1 from facts t
                    where t.role = 'total' and t.era = c.era and t.unit_code = c.unit_code and t.measure = c.measure
                      and t.period = c.period and t.numerator is not null);
comment on view internal.resolved_values is
    'The value that counts per unit, measure and period, with its origin: single_source, agreed, policy, steward_accepted, steward_override, pending_steward (no value until a steward decides), combined_parts or parts_incomplete (parts of one total: numerator is the point estimate, low and high the bounds, parts the lineage). Measures no rule compares keep one row per source and stream.';

revoke all on internal.resolved_values from pipeline_analyst;
grant select on internal.resolved_values to pipeline_loader, pipeline_steward;

-- Keyed by unit only: keep the units of the reader's provinces.
create or replace view analytics.resolved_values with (security_barrier) as
select * from internal.resolved_values v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);
grant select on analytics.resolved_values to pipeline_analyst, pipeline_steward, pipeline_loader;
