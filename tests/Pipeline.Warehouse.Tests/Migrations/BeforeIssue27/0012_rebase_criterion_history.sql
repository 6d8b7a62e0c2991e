-- History on both maps. The criterion values of Decision 2361 gain an `era`: the map they are expressed on.
-- - 2025 map: every assessment year, 2024-era periods included, rebased onto 2025 communes as SPEC section 4 says
--   (counts summed over predecessors; a split without a primary target is not divided and makes the communes it
--   touches incomplete). This is the trend across years on 2025 units.
-- - 2024 map: assessment years up to 2024 on the communes (and districts) of their time.

-- The units of a reader's provinces, for the filtered views keyed by unit only.
create function analytics.visible_units(reader text) returns table (era smallint, unit_code text)
language sql stable security definer set search_path = pg_catalog, ref as $$
    select u.era, u.code from ref.admin_unit u
      join analytics.visible_provinces(reader) p on p.era = u.era and p.province_code = u.province_code
$$;
revoke all on function analytics.visible_units(text) from public;
grant execute on function analytics.visible_units(text) to pipeline_analyst, pipeline_steward, pipeline_loader;

-- The values that count (internal.resolved_values) on 2025 communes. A compared measure is rebased after it was
-- resolved on each old commune (the value that counted there), so one new commune may rest on several sources. A
-- predecessor pending a steward leaves the new commune's value pending (never a sum of the others).
create view internal.resolved_values_2025_units as
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
           bool_or(rv.pending) as pending
      from internal.resolved_values rv
      join fact.indicator i on i.indicator = rv.indicator
      join allocation a on a.old_commune_code = rv.unit_code
     where rv.era = 2024 and i.combining <> 'single' and rv.value_unit = 'count'
     -- A measure no rule compares keeps its sources and streams apart, as on its own map.
     group by a.new_commune_code, rv.measure, rv.period, rv.period_start, rv.period_end, rv.compared,
              case when rv.compared then '' else rv.source end, case when rv.compared then '' else rv.stream end
)
select 2025::smallint as era, r.unit_code, r.measure, r.indicator, r.period, r.period_start, r.period_end, r.numerator,
       r.denominator, null::numeric as value, 'count'::text as value_unit,
       r.parts_complete and r.parts = p.predecessors
           and not exists (select 1 from unallocated u where u.new_commune_code = r.unit_code) as complete,
       r.simulated, r.source, r.stream, r.compared, r.origin, r.pending, 2024::smallint as measured_on_era
  from rebased r
  join predecessors p on p.new_commune_code = r.unit_code
union all
select era, unit_code, measure, indicator, period, period_start, period_end, numerator, denominator, value, value_unit,
       complete, simulated, source, stream, compared, origin, pending, 2025::smallint
  from internal.resolved_values
 where era = 2025;
comment on view internal.resolved_values_2025_units is
    'The values that count on 2025 communes, 2024-era periods rebased (counts summed over predecessors, completeness kept); measured_on_era says which.';

-- Years per map: era 2024 as measured on 2024 communes, era 2025 over the rebased values above (so a 2025 year's
-- flows include its first half, measured on 2024 communes). Columns unchanged; `rebased` is new.
create or replace view internal.resolved_years as
with by_map as not materialized (
    select era, unit_code, measure, indicator, period_end, numerator, denominator, value, value_unit, complete, simulated,
           source, stream, compared, origin, pending, false as rebased
      from internal.resolved_values
     where era = 2024
    union all
    select era, unit_code, measure, indicator, period_end, numerator, denominator, value, value_unit, complete, simulated,
           source, stream, compared, origin, pending, measured_on_era = 2024
      from internal.resolved_values_2025_units
), resolved as not materialized (
    -- A compared measure has one value per period whichever source won it; others keep their source and stream.
    select r.*, extract(year from r.period_end)::int as year, i.folding,
           case when r.compared then '' else r.source end as group_source,
           case when r.compared then '' else r.stream end as group_stream
      from by_map r
      join fact.indicator i on i.indicator = r.indicator
), flows as (
    select era, unit_code, measure, year, min(indicator) as indicator, sum(numerator) as numerator,
           sum(denominator) as denominator, null::numeric as value, min(value_unit) as value_unit,
           bool_and(complete) as complete, bool_or(simulated) as simulated, bool_or(pending) as pending,
           string_agg(distinct source, ',' order by source) as sources, string_agg(distinct origin, ',' order by origin) as origins,
           count(*)::int as periods, max(period_end) as as_of, bool_or(rebased) as rebased
      from resolved
     where folding = 'flow'
     group by era, unit_code, measure, year, group_source, group_stream
), stocks as (
    select distinct on (era, unit_code, measure, year, group_source, group_stream)
           era, unit_code, measure, year, indicator, numerator, denominator, value, value_unit, complete, simulated,
           pending, source as sources, origin as origins, 1 as periods, period_end as as_of, rebased
      from resolved
     where folding = 'stock'
     order by era, unit_code, measure, year, group_source, group_stream, period_end desc
)
select * from flows
union all
select * from stocks;
comment on view internal.resolved_years is
    'Resolved values per map and assessment year: flows summed, stocks latest; era 2025 includes 2024-era periods rebased onto 2025 communes (rebased).';

-- A year of fact.value or fact.reconciliation is extract(year from period_end): statistics on that expression let the
-- planner see that a year's filter keeps most rows of a map (without them it guessed 0.5% and probed the
-- reconciliations once per fact: 310,908 index scans for one year's criterion values).
create statistics fact.value_year on ((extract(year from period_end))::integer) from fact.value;
create statistics fact.reconciliation_year on ((extract(year from period_end))::integer) from fact.reconciliation;

-- The criterion chain is rebuilt with its era (dependents first).
drop view analytics.criterion_coverage_qd2361;
drop view internal.criterion_coverage_qd2361;
drop view analytics.criterion_values_qd2361;
drop view internal.criterion_values_qd2361;
drop view analytics.criterion_inputs_qd2361;
drop view internal.criterion_inputs_qd2361;

-- The criterion values of one map and assessment year: what evaluation reads. A function so the map and year reach
-- the fold inside (a view's materialized CTE would fold every year of both maps first: 7 s instead of 0.9 s). It runs
-- as its owner, like the views around it: analysts reach it only through the filtered analytics views (a function
-- runs with its caller's rights, and analysts have no access to schema internal).
create function internal.criterion_inputs_qd2361(map smallint, assessment_year integer)
returns table (era smallint, unit_code text, year integer, criterion text, value numeric, denominator numeric,
               simulated boolean, origin text, sources text, resolution text)
language sql stable security definer set search_path = pg_catalog as $$
with years as materialized (
    -- Computed once for all branches below (inlined, each branch would fold the resolved values again); the map and
    -- year reach the fold, so only that year's facts are read.
    select * from internal.resolved_years ry
     where ry.era = map and ry.year = assessment_year and not ry.pending
       and measure in ('procedures_offered_fully_online', 'dossiers_fully_online', 'service_points_with_internet_pc',
                       'ocop_products_online', 'smartphone_subscribers_15_plus', 'population_15_plus', 'households_fibre',
                       'eid_level2_accounts', 'ehealth_records', 'cultural_houses_fibre', 'his_3532', 'tslcd_200mbps')
), smartphones as (
    -- One pass with a grouping instead of a join: the planner has no statistics for a materialized CTE and would
    -- loop over it.
    select era, unit_code, year,
           max(numerator) filter (where measure = 'smartphone_subscribers_15_plus' and complete) as subscribers,
           max(numerator) filter (where measure = 'population_15_plus') as population,
           bool_or(simulated) as simulated,
           string_agg(sources, '+' order by measure desc) as sources,
           max(origins) filter (where measure = 'smartphone_subscribers_15_plus') as origins
      from years
     where measure in ('smartphone_subscribers_15_plus', 'population_15_plus')
     group by era, unit_code, year
), inputs as (
    select era, unit_code, year, 'X.CQS.01' as criterion, numerator as value, denominator, simulated,
           'procedures offered fully online over procedures eligible' as origin, sources, origins
      from years where measure = 'procedures_offered_fully_online' and denominator > 0
    union all
    select era, unit_code, year, 'X.CQS.02', numerator, denominator, simulated, 'dossiers handled fully online over dossiers received', sources, origins
      from years where measure = 'dossiers_fully_online' and denominator > 0
    union all
    select era, unit_code, year, 'X.CQS.14', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'at least one postal service point with an internet PC', sources, origins
      from years where measure = 'service_points_with_internet_pc' and numerator is not null
    union all
    -- A 200 Mbps TSLCD link proves a connection; its absence does not prove none (a slower link may exist), so
    -- only "yes" is known from the operators, and any operator's yes is enough (no precedence between them). On the
    -- 2025 map a rebased year counts the predecessors' offices on TSLCD: any one is a yes.
    select era, unit_code, year, 'X.CQS.15', 1, null, bool_or(simulated), 'an operator reports the office on TSLCD at 200 Mbps',
           string_agg(distinct sources, ',' order by sources), 'single_source'
      from years
     where measure = 'tslcd_200mbps'
     group by era, unit_code, year
    having max(numerator) >= 1
    union all
    -- "if any": a commune with no OCOP product is not failed by it.
    select era, unit_code, year, 'X.KTS.03', case when denominator = 0 or numerator >= 1 then 1 else 0 end, null, simulated,
           'OCOP products on e-commerce (none to sell counts as met)', sources, origins
      from years where measure = 'ocop_products_online' and numerator is not null and denominator is not null
    union all
    -- Rebased operator counts missing a predecessor would understate: complete values only.
    select era, unit_code, year, 'X.XHS.01', subscribers, population, simulated,
           'smartphone subscribers 15+ over VNeID population 15+', sources, origins
      from smartphones
     where population > 0 and subscribers <= population
    union all
    select era, unit_code, year, 'X.XHS.02', numerator, denominator, simulated, 'households on fibre over households', sources, origins
      from years where measure = 'households_fibre' and complete and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.04', numerator, denominator, simulated, 'level-2 e-identity accounts over population 14+', sources, origins
      from years where measure = 'eid_level2_accounts' and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.06', numerator, denominator, simulated, 'people with an e-health record over people served', sources, origins
      from years where measure = 'ehealth_records' and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.07', numerator, denominator, simulated, 'cultural houses on fibre over cultural houses', sources, origins
      from years where measure = 'cultural_houses_fibre' and complete and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.08', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'the commune station runs the 3532 HIS', sources, origins
      from years where measure = 'his_3532' and numerator is not null
)
select i.era, i.unit_code, i.year, i.criterion, i.value, i.denominator, i.simulated, i.origin, i.sources, i.origins from inputs i;
$$;

revoke all on function internal.criterion_inputs_qd2361(smallint, integer) from public;
grant execute on function internal.criterion_inputs_qd2361(smallint, integer) to pipeline_analyst, pipeline_steward, pipeline_loader;

-- Every map and year with facts: the 2025 map for every year (rebased before the reform), the 2024 map up to 2024
-- (later years are assessed on the 2025 map). A filter on era and year reaches the list, so one call runs.
create view internal.criterion_inputs_qd2361 as
with maps as (
    select distinct m.era, m.year
      from (select 2025::smallint as era, extract(year from period_end)::int as year from fact.value
            union all
            select 2024::smallint, extract(year from period_end)::int from fact.value where era = 2024) m
     where m.era = 2025 or m.year <= 2024
)
-- era and year are the list's own columns, so a filter on them is applied to the list before any call.
select maps.era, i.unit_code, maps.year, i.criterion, i.value, i.denominator, i.simulated, i.origin, i.sources, i.resolution
  from maps
 cross join lateral internal.criterion_inputs_qd2361(maps.era, maps.year) i;
comment on view internal.criterion_inputs_qd2361 is
    'Values of 2361 commune criteria per map (era), commune and year from the resolved values, as ./pipeline evaluate reads them; 2025-map years before the reform rest on rebased values.';

create view internal.criterion_values_qd2361 as
select era, unit_code, year, criterion, value, denominator, 'automatic'::text as status, simulated, origin, sources, resolution,
       null::text as evidence_url, null::text as attested_by, null::timestamptz as attested_at
  from internal.criterion_inputs_qd2361
union all
select a.era, a.unit_code, a.year, a.criterion, a.value, a.denominator, 'attested', false, 'attested by the commune', a.source_file,
       a.source_row, a.evidence_url, a.attested_by, a.attested_at
  from fact.attestation a
 where a.framework = 'qd2361'
   and not exists (select 1 from fact.criterion_source s where s.framework = a.framework and s.criterion = a.criterion);
comment on view internal.criterion_values_qd2361 is '2361 criterion values per map (era), commune and year: automatic (from the sources) or attested (by the commune).';

-- Per map, year, province and commune criterion: how many communes have an automatic, attested or no value, and how
-- many wait for a steward (a measure the criterion rests on is pending). Years are those evaluated on the map.
create view internal.criterion_coverage_qd2361 as
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

-- The analyst's filtered views over them, as in 0011.
create view analytics.resolved_values_2025_units with (security_barrier) as
select * from internal.resolved_values_2025_units v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));

create view analytics.criterion_inputs_qd2361 with (security_barrier) as
select * from internal.criterion_inputs_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));

create view analytics.criterion_values_qd2361 with (security_barrier) as
select * from internal.criterion_values_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));

create view analytics.criterion_coverage_qd2361 with (security_barrier) as
select * from internal.criterion_coverage_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));

revoke all on all tables in schema internal from pipeline_analyst;
grant select on all tables in schema internal to pipeline_loader, pipeline_steward;
grant select on analytics.resolved_values_2025_units, analytics.criterion_inputs_qd2361, analytics.criterion_values_qd2361,
                analytics.criterion_coverage_qd2361
    to pipeline_analyst, pipeline_steward, pipeline_loader;
