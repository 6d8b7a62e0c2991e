-- internal.resolved_values_2025_units is the definition; analytics.resolved_values_2025_units is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- The values that count (internal.resolved_values) on 2025 communes. A compared measure is rebased after it was
-- resolved on each old commune (the value that counted there), so one new commune may rest on several sources. A
-- predecessor pending a steward leaves the new commune's value pending (never a sum of the others).
create or replace view internal.resolved_values_2025_units as
with edges as (
    select old_commune_code, new_commune_code, primary_target,
           count(*) over (partition by old_commune_code) as targets
      from ref.crosswalk
     where old_commune_code is not null
), allocation as (
    select old_commune_code, new_commune_code from edges where targets = 1 or primary_target
), unallocated as (
    select distinct e.new_commune_code
      from edges e
     where not exists (select 1 from allocation a where a.old_commune_code = e.old_commune_code)
), predecessors as (
    select new_commune_code, count(distinct old_commune_code) as predecessors from edges group by new_commune_code
), rebased as (
    select a.new_commune_code as unit_code, rv.measure, min(rv.indicator) as indicator, rv.period, rv.period_start,
           rv.period_end, rv.compared,
           case when bool_or(rv.pending) then null else sum(rv.numerator) end as numerator,
           case when bool_or(rv.pending) or not bool_and(rv.denominator is not null) then null else sum(rv.denominator) end as denominator,
           count(distinct rv.unit_code) as parts, bool_and(rv.complete) as parts_complete, bool_or(rv.simulated) as simulated,
           string_agg(distinct rv.source, ',' order by rv.source) as source,
           string_agg(distinct rv.stream, ',' order by rv.stream) as stream,
           string_agg(distinct rv.origin, ',' order by rv.origin) as origin,
           bool_or(rv.pending) as pending,
           -- Combined parts (sql/0015): predecessors are disjoint areas, so their bounds add up; one open high
           -- bound leaves the sum open.
           sum(rv.low) as low,
           case when bool_and(rv.high is not null) then sum(rv.high) end as high,
           jsonb_agg(rv.parts) filter (where rv.parts is not null) as part_lineage
      from internal.resolved_values rv
      join fact.indicator i on i.indicator = rv.indicator
      join allocation a on a.old_commune_code = rv.unit_code
     where rv.era = 2024 and i.combining <> 'single' and rv.value_unit = 'count'
     -- A measure no rule compares keeps its sources and streams apart, as on its own map.
     group by a.new_commune_code, rv.measure, rv.period, rv.period_start, rv.period_end, rv.compared,
              case when rv.compared then '' else rv.source end,
              case when rv.compared or rv.parts is not null then '' else rv.stream end
)
select 2025::smallint as era, r.unit_code, r.measure, r.indicator, r.period, r.period_start, r.period_end, r.numerator,
       r.denominator, null::numeric as value, 'count'::text as value_unit,
       r.parts_complete and r.parts = p.predecessors
           and not exists (select 1 from unallocated u where u.new_commune_code = r.unit_code) as complete,
       r.simulated, r.source, r.stream, r.compared, r.origin, r.pending, 2024::smallint as measured_on_era,
       r.low, r.high, r.part_lineage as parts
  from rebased r
  join predecessors p on p.new_commune_code = r.unit_code
union all
select era, unit_code, measure, indicator, period, period_start, period_end, numerator, denominator, value, value_unit,
       complete, simulated, source, stream, compared, origin, pending, 2025::smallint, low, high, parts
  from internal.resolved_values
 where era = 2025;
comment on view internal.resolved_values_2025_units is
    'The values that count on 2025 communes, 2024-era periods rebased (counts summed over predecessors, completeness kept); measured_on_era says which.';

revoke all on internal.resolved_values_2025_units from pipeline_analyst;
grant select on internal.resolved_values_2025_units to pipeline_loader, pipeline_steward;

create or replace view analytics.resolved_values_2025_units with (security_barrier) as
select * from internal.resolved_values_2025_units v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));
grant select on analytics.resolved_values_2025_units to pipeline_analyst, pipeline_steward, pipeline_loader;
