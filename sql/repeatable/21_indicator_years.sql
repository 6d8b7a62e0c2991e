-- internal.indicator_years is the definition; analytics.indicator_years is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- Per assessment year (the calendar year a period ends in), each indicator folded as it declares.
create or replace view internal.indicator_years as
with flows as (
    select source, stream, era, unit_code, indicator, extract(year from period_end)::int as year,
           sum(numerator) as numerator, sum(denominator) as denominator, null::numeric as value,
           min(value_unit) as value_unit, bool_and(complete) as complete, bool_or(simulated) as simulated,
           count(*)::int as periods, max(period_end) as as_of
      from fact.value join fact.indicator using (indicator)
     where folding = 'flow'
     group by 1, 2, 3, 4, 5, 6
), stocks as (
    select distinct on (source, stream, era, unit_code, indicator, extract(year from period_end))
           source, stream, era, unit_code, indicator, extract(year from period_end)::int as year,
           numerator, denominator, value, value_unit, complete, simulated, 1 as periods, period_end as as_of
      from fact.value join fact.indicator using (indicator)
     where folding = 'stock'
     order by source, stream, era, unit_code, indicator, extract(year from period_end), period_end desc
)
select * from flows
union all
select * from stocks;
comment on view internal.indicator_years is 'Facts folded per assessment year: flows summed (numerators and denominators), stocks latest.';
revoke all on internal.indicator_years from pipeline_analyst;
grant select on internal.indicator_years to pipeline_loader, pipeline_steward;

-- Keyed by unit only: keep the units of the reader's provinces (one lookup per query, not per row).
create or replace view analytics.indicator_years with (security_barrier) as
select * from internal.indicator_years v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);
grant select on analytics.indicator_years to pipeline_analyst, pipeline_steward, pipeline_loader;
