-- internal.criterion_coverage_qd2361 is the definition; analytics.criterion_coverage_qd2361 is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- Per map, year, province and commune criterion: how many communes have an automatic, attested or no value, and how
-- many wait for a steward (a measure the criterion rests on is pending). Years are those evaluated on the map.
create or replace view internal.criterion_coverage_qd2361 as
with communes as (
    select era, code as unit_code, province_code from ref.admin_unit where level = 'commune'
), years as (
    select distinct era, year from fact.level where framework = 'qd2361'
), pending as (
    select distinct ry.era, ry.unit_code, ry.year, cs.criterion
      from internal.resolved_years ry
      join fact.criterion_source cs on cs.framework = 'qd2361' and ry.measure = any(cs.measures)
     where ry.pending
), grid as (
    select y.era, y.year, c.unit_code, c.province_code, fc.criterion, fc.position
      from years y
      join communes c on c.era = y.era
     cross join fact.framework_criterion fc
     where fc.framework = 'qd2361' and fc.scope = 'commune'
)
select g.year, g.era, g.province_code, p.name as province_name, g.criterion, min(g.position) as position,
       count(*)::int as communes,
       count(*) filter (where v.status = 'automatic')::int as automatic,
       count(*) filter (where v.status = 'attested')::int as attested,
       count(*) filter (where v.status is null and pd.criterion is not null)::int as conflict_pending,
       count(*) filter (where v.status is null and pd.criterion is null)::int as missing
  from grid g
  join ref.admin_unit p on p.era = g.era and p.code = g.province_code
  left join internal.criterion_values_qd2361 v on v.era = g.era and v.unit_code = g.unit_code and v.year = g.year and v.criterion = g.criterion
  left join pending pd on pd.era = g.era and pd.unit_code = g.unit_code and pd.year = g.year and pd.criterion = g.criterion
 group by g.year, g.era, g.province_code, p.name, g.criterion;
comment on view internal.criterion_coverage_qd2361 is 'Communes per map, year, province and 2361 commune criterion by where the value comes from.';
revoke all on internal.criterion_coverage_qd2361 from pipeline_analyst;
grant select on internal.criterion_coverage_qd2361 to pipeline_loader, pipeline_steward;

create or replace view analytics.criterion_coverage_qd2361 with (security_barrier) as
select * from internal.criterion_coverage_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));
grant select on analytics.criterion_coverage_qd2361 to pipeline_analyst, pipeline_steward, pipeline_loader;
