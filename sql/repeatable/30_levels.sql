-- internal.levels is the definition; analytics.levels is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

create or replace view internal.levels as
select l.framework, l.era, l.unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       u.district_code, d.name as district_name, l.year, l.level, l.attainable_level,
       array_to_string(l.blocking, ';') as blocking, array_to_string(l.missing, ';') as missing, l.evaluated_at,
       -- Appended (sql/0015): criteria whose bounds straddle the next level's threshold.
       array_to_string(l.undetermined, ';') as undetermined
  from fact.level l
  join ref.admin_unit u on u.era = l.era and u.code = l.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
  left join ref.admin_unit d on d.era = u.era and d.code = u.district_code;
comment on view internal.levels is 'Levels per unit and year with unit, district and province names; blocking, missing and undetermined criteria for the next level.';
revoke all on internal.levels from pipeline_analyst;
grant select on internal.levels to pipeline_loader, pipeline_steward;

-- It carries the province: keep the reader's (era, province) pairs.
create or replace view analytics.levels with (security_barrier) as
select * from internal.levels v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));
grant select on analytics.levels to pipeline_analyst, pipeline_steward, pipeline_loader;
