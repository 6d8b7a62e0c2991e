-- internal.resolved_years is the definition; analytics.resolved_years is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011). Analysts have no access to internal.

-- Years per map: era 2024 as measured on 2024 communes, era 2025 over internal.resolved_values_2025_units (so a 2025 year's
-- flows include its first half, measured on 2024 communes). Columns unchanged; `rebased` is new.
create or replace view internal.resolved_years as
with by_map as not materialized (
    select era, unit_code, measure, indicator, period_end, numerator, denominator, value, value_unit, complete, simulated,
           source, stream, compared, origin, pending, false as rebased, low, high, parts is not null as combined
      from internal.resolved_values
     where era = 2024
    union all
    select era, unit_code, measure, indicator, period_end, numerator, denominator, value, value_unit, complete, simulated,
           source, stream, compared, origin, pending, measured_on_era = 2024, low, high, parts is not null
      from internal.resolved_values_2025_units
), resolved as not materialized (
    -- A compared measure has one value per period whichever source won it; others keep their source and stream.
    select r.*, extract(year from r.period_end)::int as year, i.folding,
           case when r.compared then '' else r.source end as group_source,
           case when r.compared or r.combined then '' else r.stream end as group_stream
      from by_map r
      join fact.indicator i on i.indicator = r.indicator
), flows as (
    select era, unit_code, measure, year, min(indicator) as indicator, sum(numerator) as numerator,
           sum(denominator) as denominator, null::numeric as value, min(value_unit) as value_unit,
           bool_and(complete) as complete, bool_or(simulated) as simulated, bool_or(pending) as pending,
           string_agg(distinct source, ',' order by source) as sources, string_agg(distinct origin, ',' order by origin) as origins,
           count(*)::int as periods, max(period_end) as as_of, bool_or(rebased) as rebased,
           sum(low) as low, case when bool_and(high is not null) then sum(high) end as high
      from resolved
     where folding = 'flow'
     group by era, unit_code, measure, year, group_source, group_stream
), stocks as (
    select distinct on (era, unit_code, measure, year, group_source, group_stream)
           era, unit_code, measure, year, indicator, numerator, denominator, value, value_unit, complete, simulated,
           pending, source as sources, origin as origins, 1 as periods, period_end as as_of, rebased, low, high
      from resolved
     where folding = 'stock'
     order by era, unit_code, measure, year, group_source, group_stream, period_end desc
)
select * from flows
union all
select * from stocks;
comment on view internal.resolved_years is
    'Resolved values per map and assessment year: flows summed, stocks latest; era 2025 includes 2024-era periods rebased onto 2025 communes (rebased).';

revoke all on internal.resolved_years from pipeline_analyst;
grant select on internal.resolved_years to pipeline_loader, pipeline_steward;

-- Keyed by unit only: keep the units of the reader's provinces. The columns are listed: the filter was created (sql/0011)
-- before internal.resolved_years gained `rebased` (sql/0012), so analysts have never seen that column.
create or replace view analytics.resolved_years with (security_barrier) as
select v.era, v.unit_code, v.measure, v.year, v.indicator, v.numerator, v.denominator, v.value, v.value_unit, v.complete,
       v.simulated, v.pending, v.sources, v.origins, v.periods, v.as_of, v.low, v.high
  from internal.resolved_years v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);
grant select on analytics.resolved_years to pipeline_analyst, pipeline_steward, pipeline_loader;
