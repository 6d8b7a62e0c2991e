-- internal.criterion_inputs_qd2361(map, year) computes one map and year; the view internal.criterion_inputs_qd2361 lists
-- every map and year; analytics.criterion_inputs_qd2361 is the analyst's view of it, filtered to the reader's provinces
-- (security_barrier, sql/0011).

-- The criterion values of one map and assessment year: what evaluation reads. A function so the map and year reach
-- the fold inside (a view's materialized CTE would fold every year of both maps first: 7 s instead of 0.9 s). It runs
-- as its owner, like the views around it: analysts reach it only through the filtered analytics views (a function
-- runs with its caller's rights, and analysts have no access to schema internal).
create or replace function internal.criterion_inputs_qd2361(map smallint, assessment_year integer)
returns table (era smallint, unit_code text, year integer, criterion text, value numeric, denominator numeric,
               simulated boolean, origin text, sources text, resolution text, low numeric, high numeric)
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
           max(origins) filter (where measure = 'smartphone_subscribers_15_plus') as origins,
           max(low) filter (where measure = 'smartphone_subscribers_15_plus' and complete) as subscribers_low,
           max(high) filter (where measure = 'smartphone_subscribers_15_plus' and complete) as subscribers_high
      from years
     where measure in ('smartphone_subscribers_15_plus', 'population_15_plus')
     group by era, unit_code, year
), inputs as (
    select era, unit_code, year, 'X.CQS.01' as criterion, numerator as value, denominator, simulated,
           'procedures offered fully online over procedures eligible' as origin, sources, origins,
           null::numeric as low, null::numeric as high
      from years where measure = 'procedures_offered_fully_online' and denominator > 0
    union all
    select era, unit_code, year, 'X.CQS.02', numerator, denominator, simulated, 'dossiers handled fully online over dossiers received', sources, origins, null, null
      from years where measure = 'dossiers_fully_online' and denominator > 0
    union all
    select era, unit_code, year, 'X.CQS.14', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'at least one postal service point with an internet PC', sources, origins, null, null
      from years where measure = 'service_points_with_internet_pc' and numerator is not null
    union all
    -- A 200 Mbps TSLCD link proves a connection; its absence does not prove none (a slower link may exist), so
    -- only "yes" is known from the operators, and any operator's yes is enough (no precedence between them). On the
    -- 2025 map a rebased year counts the predecessors' offices on TSLCD: any one is a yes.
    select era, unit_code, year, 'X.CQS.15', 1, null, bool_or(simulated), 'an operator reports the office on TSLCD at 200 Mbps',
           string_agg(distinct sources, ',' order by sources), 'single_source', null, null
      from years
     where measure = 'tslcd_200mbps'
     group by era, unit_code, year
    having max(numerator) >= 1
    union all
    -- "if any": a commune with no OCOP product is not failed by it.
    select era, unit_code, year, 'X.KTS.03', case when denominator = 0 or numerator >= 1 then 1 else 0 end, null, simulated,
           'OCOP products on e-commerce (none to sell counts as met)', sources, origins, null, null
      from years where measure = 'ocop_products_online' and numerator is not null and denominator is not null
    union all
    -- Rebased operator counts missing a predecessor would understate: complete values only. The operators' counts
    -- are parts of one total (sql/0015): the bounds are capped by the population, and a high bound left open by an
    -- operator that has not reported is the population itself.
    select era, unit_code, year, 'X.XHS.01', subscribers, population, simulated,
           'smartphone subscribers 15+ over VNeID population 15+', sources, origins,
           least(subscribers_low, population), case when subscribers_low is not null then least(coalesce(subscribers_high, population), population) end
      from smartphones
     where population > 0 and subscribers <= population
    union all
    select era, unit_code, year, 'X.XHS.02', numerator, denominator, simulated, 'households on fibre over households', sources, origins,
           low, case when low is not null then coalesce(high, denominator) end
      from years where measure = 'households_fibre' and complete and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.04', numerator, denominator, simulated, 'level-2 e-identity accounts over population 14+', sources, origins, null, null
      from years where measure = 'eid_level2_accounts' and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.06', numerator, denominator, simulated, 'people with an e-health record over people served', sources, origins, null, null
      from years where measure = 'ehealth_records' and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.07', numerator, denominator, simulated, 'cultural houses on fibre over cultural houses', sources, origins,
           low, case when low is not null then coalesce(high, denominator) end
      from years where measure = 'cultural_houses_fibre' and complete and denominator > 0
    union all
    select era, unit_code, year, 'X.XHS.08', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'the commune station runs the 3532 HIS', sources, origins, null, null
      from years where measure = 'his_3532' and numerator is not null
)
select i.era, i.unit_code, i.year, i.criterion, i.value, i.denominator, i.simulated, i.origin, i.sources, i.origins, i.low, i.high
  from inputs i;
$$;

revoke all on function internal.criterion_inputs_qd2361(smallint, integer) from public;
grant execute on function internal.criterion_inputs_qd2361(smallint, integer) to pipeline_analyst, pipeline_steward, pipeline_loader;

-- Every map and year with facts: the 2025 map for every year (rebased before the reform), the 2024 map up to 2024
-- (later years are assessed on the 2025 map). A filter on era and year reaches the list, so one call runs.
create or replace view internal.criterion_inputs_qd2361 as
with maps as (
    select distinct m.era, m.year
      from (select 2025::smallint as era, extract(year from period_end)::int as year from fact.value
            union all
            select 2024::smallint, extract(year from period_end)::int from fact.value where era = 2024) m
     where m.era = 2025 or m.year <= 2024
)
-- era and year are the list's own columns, so a filter on them is applied to the list before any call.
select maps.era, i.unit_code, maps.year, i.criterion, i.value, i.denominator, i.simulated, i.origin, i.sources, i.resolution,
       i.low, i.high
  from maps
 cross join lateral internal.criterion_inputs_qd2361(maps.era, maps.year) i;
comment on view internal.criterion_inputs_qd2361 is
    'Values of 2361 commune criteria per map (era), commune and year from the resolved values, as ./pipeline evaluate reads them; 2025-map years before the reform rest on rebased values.';

revoke all on internal.criterion_inputs_qd2361 from pipeline_analyst;
grant select on internal.criterion_inputs_qd2361 to pipeline_loader, pipeline_steward;

create or replace view analytics.criterion_inputs_qd2361 with (security_barrier) as
select * from internal.criterion_inputs_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select era, unit_code from analytics.visible_units(current_user));
grant select on analytics.criterion_inputs_qd2361 to pipeline_analyst, pipeline_steward, pipeline_loader;
