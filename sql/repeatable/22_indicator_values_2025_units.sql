-- internal.indicator_values_2025_units is the definition; analytics.indicator_values_2025_units is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- For trends across the reform: every count on 2025 communes. Facts of 2024-era periods are summed over predecessors
-- as `./pipeline rebase` does (SPEC section 4): an old commune counts whole in its only successor or its primary
-- target; a split without one is not divided, and the 2025 communes it touches are incomplete. Scores (`single`)
-- are not summed and appear only for 2025-era periods.
create or replace view internal.indicator_values_2025_units as
with edges as (
    select old_commune_code, new_commune_code, primary_target,
           count(*) over (partition by old_commune_code) as targets
      from ref.crosswalk
     where old_commune_code is not null
), allocation as (
    select old_commune_code, new_commune_code from edges where targets = 1 or primary_target
), unallocated as (
    select e.new_commune_code
      from edges e
     where not exists (select 1 from allocation a where a.old_commune_code = e.old_commune_code)
), predecessors as (
    select new_commune_code, count(distinct old_commune_code) as predecessors from edges group by new_commune_code
), rebased as (
    select v.source, v.stream, a.new_commune_code as unit_code, v.indicator, v.period, v.period_start, v.period_end,
           sum(v.numerator) as numerator,
           case when bool_and(v.denominator is not null) then sum(v.denominator) end as denominator,
           count(*) as parts, bool_and(v.complete) as parts_complete, bool_or(v.simulated) as simulated
      from fact.value v
      join fact.indicator i using (indicator)
      join allocation a on a.old_commune_code = v.unit_code
     where v.era = 2024 and i.combining <> 'single' and v.value_unit = 'count'
     group by v.source, v.stream, a.new_commune_code, v.indicator, v.period, v.period_start, v.period_end
)
select r.source, r.stream, r.unit_code, r.indicator, r.period, r.period_start, r.period_end, r.numerator, r.denominator,
       null::numeric as value, 'count' as value_unit,
       r.parts_complete and r.parts = p.predecessors
           and not exists (select 1 from unallocated u where u.new_commune_code = r.unit_code) as complete,
       r.simulated, 2024 as measured_on_era
  from rebased r
  join predecessors p on p.new_commune_code = r.unit_code
union all
select source, stream, unit_code, indicator, period, period_start, period_end, numerator, denominator, value,
       value_unit, complete, simulated, 2025
  from fact.value
 where era = 2025;
comment on view internal.indicator_values_2025_units is 'Facts of both eras on 2025 communes: 2024-era counts summed over predecessors, with completeness.';
revoke all on internal.indicator_values_2025_units from pipeline_analyst;
grant select on internal.indicator_values_2025_units to pipeline_loader, pipeline_steward;

-- 2025 communes only.
create or replace view analytics.indicator_values_2025_units with (security_barrier) as
select * from internal.indicator_values_2025_units v
 where not (select analytics.is_scoped(current_user))
    or v.unit_code in (select u.code from ref.admin_unit u
                         join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code
                        where u.era = 2025);
grant select on analytics.indicator_values_2025_units to pipeline_analyst, pipeline_steward, pipeline_loader;
