-- The values that count: per unit, measure and period, the resolved value of a compared measure (agreed, settled by
-- the precedence policy, decided by a steward, or pending while a steward must decide) and every other fact as its
-- source gave it. Evaluators and pre-fill read these, never a raw choice between sources.
create view analytics.resolved_values as
with facts as not materialized (
    select v.*, coalesce(mm.measure, v.indicator) as measure, mm.measure is not null as compared
      from fact.value v
      left join fact.measure_member mm on mm.source = v.source and mm.indicator = v.indicator
), reconciled as not materialized (
    select r.*,
           coalesce(r.chosen, r.suggestion, r.candidates -> 0) as shown,
           (select bool_or((c ->> 'simulated')::boolean) from jsonb_array_elements(r.candidates) c) as any_simulated
      from fact.reconciliation r
     where r.status <> 'withdrawn'
)
-- Facts no rule compares, and compared measures with a single current value: as the source gave them.
select f.era, f.unit_code, f.measure, f.indicator, f.period, f.period_start, f.period_end, f.numerator, f.denominator,
       f.value, f.value_unit, f.complete, f.simulated, f.source, f.stream,
       f.compared, 'single_source'::text as origin, null::text as reason, false as pending, null::bigint as reconciliation_id
  from facts f
 where not f.compared
    or not exists (select 1 from reconciled r
                    where r.era = f.era and r.unit_code = f.unit_code and r.measure = f.measure and r.period = f.period)
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
       r.reason, r.status = 'open', r.reconciliation_id
  from reconciled r;
comment on view analytics.resolved_values is
    'The value that counts per unit, measure and period, with its origin: single_source, agreed, policy, steward_accepted, steward_override, or pending_steward (no value until a steward decides). Measures no rule compares keep one row per source and stream.';

-- Resolved values folded per assessment year, as analytics.indicator_years folds facts: flows summed (a year with a
-- pending month is pending and incomplete), stocks the latest period.
create view analytics.resolved_years as
with resolved as not materialized (
    -- A compared measure has one value per period whichever source won it; others keep their source and stream.
    select r.*, extract(year from r.period_end)::int as year, i.folding,
           case when r.compared then '' else r.source end as group_source,
           case when r.compared then '' else r.stream end as group_stream
      from analytics.resolved_values r
      join fact.indicator i on i.indicator = r.indicator
), flows as (
    select era, unit_code, measure, year, min(indicator) as indicator, sum(numerator) as numerator,
           sum(denominator) as denominator, null::numeric as value, min(value_unit) as value_unit,
           bool_and(complete) as complete, bool_or(simulated) as simulated, bool_or(pending) as pending,
           string_agg(distinct source, ',' order by source) as sources, string_agg(distinct origin, ',' order by origin) as origins,
           count(*)::int as periods, max(period_end) as as_of
      from resolved
     where folding = 'flow'
     group by era, unit_code, measure, year, group_source, group_stream
), stocks as (
    select distinct on (era, unit_code, measure, year, group_source, group_stream)
           era, unit_code, measure, year, indicator, numerator, denominator, value, value_unit, complete, simulated,
           pending, source as sources, origin as origins, 1 as periods, period_end as as_of
      from resolved
     where folding = 'stock'
     order by era, unit_code, measure, year, group_source, group_stream, period_end desc
)
select * from flows
union all
select * from stocks;
comment on view analytics.resolved_years is 'Resolved values per assessment year: flows summed, stocks latest; sources and origins list what the year rests on.';

grant select on analytics.resolved_values, analytics.resolved_years to pipeline_analyst, pipeline_steward, pipeline_loader;

-- Decision 2361's commune criteria now read the resolved values: the choice between sources is the precedence
-- policy's or a steward's (fact.measure), recorded per row in `resolution`, no longer a rule fixed in this view. A
-- value pending a steward's decision is left out (the criterion is missing until then, never guessed).
drop view analytics.criterion_inputs_qd2361;
create view analytics.criterion_inputs_qd2361 as
with years as materialized (
    -- Computed once for all branches below (inlined, each branch would fold the resolved values again).
    select * from analytics.resolved_years
     where era = 2025 and not pending
       and measure in ('procedures_offered_fully_online', 'dossiers_fully_online', 'service_points_with_internet_pc',
                       'ocop_products_online', 'smartphone_subscribers_15_plus', 'population_15_plus', 'households_fibre',
                       'eid_level2_accounts', 'ehealth_records', 'cultural_houses_fibre', 'his_3532')
), smartphones as (
    -- One pass with a grouping instead of a join: the planner has no statistics for a materialized CTE and would
    -- loop over it.
    select unit_code, year,
           max(numerator) filter (where measure = 'smartphone_subscribers_15_plus' and complete) as subscribers,
           max(numerator) filter (where measure = 'population_15_plus') as population,
           bool_or(simulated) as simulated,
           string_agg(sources, '+' order by measure desc) as sources,
           max(origins) filter (where measure = 'smartphone_subscribers_15_plus') as origins
      from years
     where measure in ('smartphone_subscribers_15_plus', 'population_15_plus')
     group by unit_code, year
), inputs as (
    select unit_code, year, 'X.CQS.01' as criterion, numerator as value, denominator, simulated,
           'procedures offered fully online over procedures eligible' as origin, sources, origins
      from years where measure = 'procedures_offered_fully_online' and denominator > 0
    union all
    select unit_code, year, 'X.CQS.02', numerator, denominator, simulated, 'dossiers handled fully online over dossiers received', sources, origins
      from years where measure = 'dossiers_fully_online' and denominator > 0
    union all
    select unit_code, year, 'X.CQS.14', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'at least one postal service point with an internet PC', sources, origins
      from years where measure = 'service_points_with_internet_pc' and numerator is not null
    union all
    -- A 200 Mbps TSLCD link proves a connection; its absence does not prove none (a slower link may exist), so
    -- only "yes" is known from the operators, and any operator's yes is enough (no precedence between them).
    select unit_code, year, 'X.CQS.15', 1, null, bool_or(simulated), 'an operator reports the office on TSLCD at 200 Mbps',
           string_agg(distinct stream, ',' order by stream), 'single_source'
      from analytics.indicator_years
     where era = 2025 and source = 'telecom' and indicator = 'tslcd_200mbps'
     group by unit_code, year
    having max(numerator) >= 1
    union all
    -- "if any": a commune with no OCOP product is not failed by it.
    select unit_code, year, 'X.KTS.03', case when denominator = 0 or numerator >= 1 then 1 else 0 end, null, simulated,
           'OCOP products on e-commerce (none to sell counts as met)', sources, origins
      from years where measure = 'ocop_products_online' and numerator is not null and denominator is not null
    union all
    -- Rebased operator counts missing a predecessor would understate: complete values only.
    select unit_code, year, 'X.XHS.01', subscribers, population, simulated,
           'smartphone subscribers 15+ over VNeID population 15+', sources, origins
      from smartphones
     where population > 0 and subscribers <= population
    union all
    select unit_code, year, 'X.XHS.02', numerator, denominator, simulated, 'households on fibre over households', sources, origins
      from years where measure = 'households_fibre' and complete and denominator > 0
    union all
    select unit_code, year, 'X.XHS.04', numerator, denominator, simulated, 'level-2 e-identity accounts over population 14+', sources, origins
      from years where measure = 'eid_level2_accounts' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.06', numerator, denominator, simulated, 'people with an e-health record over people served', sources, origins
      from years where measure = 'ehealth_records' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.07', numerator, denominator, simulated, 'cultural houses on fibre over cultural houses', sources, origins
      from years where measure = 'cultural_houses_fibre' and complete and denominator > 0
    union all
    select unit_code, year, 'X.XHS.08', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'the commune station runs the 3532 HIS', sources, origins
      from years where measure = 'his_3532' and numerator is not null
)
select unit_code, year, criterion, value, denominator, simulated, origin, sources, origins as resolution from inputs;
comment on view analytics.criterion_inputs_qd2361 is
    'Values of 2361 commune criteria per 2025 commune and year from the resolved values, as ./pipeline evaluate reads them; sources and resolution say where each came from.';

grant select on analytics.criterion_inputs_qd2361 to pipeline_analyst, pipeline_steward, pipeline_loader;
