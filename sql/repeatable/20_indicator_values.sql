-- internal.indicator_values is the definition; analytics.indicator_values is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- Analysts: current facts with unit names, era-aware; the rate is derived from the counts, never stored.
create or replace view internal.indicator_values as
select v.source, v.stream, v.era, v.unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       u.district_code, d.name as district_name, v.indicator, i.title as indicator_title, i.folding,
       v.period, v.period_start, v.period_end, v.numerator, v.denominator,
       case when v.value_unit = 'count' and v.denominator > 0 then round(100 * v.numerator / v.denominator, 2) end as rate_percent,
       v.value, v.value_unit, v.value_unit = 'percent' as percentage_only, v.complete, v.simulated,
       v.revision, v.loaded_at
  from fact.value v
  join fact.indicator i using (indicator)
  join ref.admin_unit u on u.era = v.era and u.code = v.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
  left join ref.admin_unit d on d.era = u.era and d.code = u.district_code;
comment on view internal.indicator_values is 'Current source values per unit (era, code), indicator and period, with unit names and derived rate.';
revoke all on internal.indicator_values from pipeline_analyst;
grant select on internal.indicator_values to pipeline_loader, pipeline_steward;

-- It carries the province: keep the reader's (era, province) pairs.
create or replace view analytics.indicator_values with (security_barrier) as
select * from internal.indicator_values v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));
grant select on analytics.indicator_values to pipeline_analyst, pipeline_steward, pipeline_loader;
