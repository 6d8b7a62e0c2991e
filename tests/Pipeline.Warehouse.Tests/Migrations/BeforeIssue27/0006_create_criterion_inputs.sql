-- The values Decision 2361's commune criteria take from the sources, per 2025 commune and assessment year, in the
-- shape `./pipeline evaluate` reads (unit_code, criterion, value, denominator). Each criterion's rule is written
-- out below and named in `origin`; criteria no source measures are absent (missing, never a guessed 0).
--
-- Until stewards resolve conflicts (issue 8) the choices are fixed rules: the portal before EMC for dossiers; among
-- the telecom operators the largest count (their subscribers and coverage overlap, so the largest is the lower bound
-- of the commune's figure, CONTRACT.md of telecom); only `complete` values (a rebased value missing a predecessor
-- would understate).
create view analytics.criterion_inputs_qd2361 as
with years as not materialized (
    select * from analytics.indicator_years where era = 2025
), largest_operator as not materialized (
    select distinct on (unit_code, indicator, year) unit_code, indicator, year, numerator, denominator, simulated, stream
      from years
     where source = 'telecom' and complete and numerator is not null
     order by unit_code, indicator, year, numerator desc, stream
), population_15 as not materialized (
    select unit_code, year, numerator as population, simulated from years where source = 'vneid' and indicator = 'population_15_plus'
), inputs as (
    select unit_code, year, 'X.CQS.01' as criterion, numerator as value, denominator, simulated,
           'portal procedures_offered_fully_online over procedures eligible' as origin
      from years where source = 'portal' and indicator = 'procedures_offered_fully_online' and denominator > 0
    union all
    select unit_code, year, 'X.CQS.02', numerator, denominator, simulated, 'portal dossiers_fully_online over dossiers received'
      from years where source = 'portal' and indicator = 'dossiers_fully_online' and denominator > 0
    union all
    select unit_code, year, 'X.CQS.14', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'postal: at least one service point with an internet PC'
      from years where source = 'postal' and indicator = 'service_points_with_internet_pc' and numerator is not null
    union all
    -- A 200 Mbps TSLCD link proves a connection; its absence does not prove none (a slower link may exist), so
    -- only "yes" is known from the operators.
    select unit_code, year, 'X.CQS.15', 1, null, bool_or(simulated), 'telecom: an operator reports the office on TSLCD at 200 Mbps'
      from years where source = 'telecom' and indicator = 'tslcd_200mbps'
     group by unit_code, year
    having max(numerator) >= 1
    union all
    -- "if any": a commune with no OCOP product is not failed by it.
    select unit_code, year, 'X.KTS.03', case when denominator = 0 or numerator >= 1 then 1 else 0 end, null, simulated,
           'postal: OCOP products on e-commerce (none to sell counts as met)'
      from years where source = 'postal' and indicator = 'ocop_products_online' and numerator is not null and denominator is not null
    union all
    select o.unit_code, o.year, 'X.XHS.01', o.numerator, p.population, o.simulated or p.simulated,
           'telecom (largest operator) smartphone subscribers 15+ over VNeID population 15+'
      from largest_operator o
      join population_15 p on p.unit_code = o.unit_code and p.year = o.year
     where o.indicator = 'smartphone_subscribers_15_plus' and p.population > 0 and o.numerator <= p.population
    union all
    select unit_code, year, 'X.XHS.02', numerator, denominator, simulated, 'telecom (largest operator) households on fibre over households'
      from largest_operator where indicator = 'households_fibre' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.04', numerator, denominator, simulated, 'VNeID level-2 accounts over population 14+'
      from years where source = 'vneid' and indicator = 'eid_level2_accounts' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.06', numerator, denominator, simulated, 'health: people with an e-health record over people served'
      from years where source = 'health' and indicator = 'ehealth_records' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.07', numerator, denominator, simulated, 'telecom (largest operator) cultural houses on fibre over cultural houses'
      from largest_operator where indicator = 'cultural_houses_fibre' and denominator > 0
    union all
    select unit_code, year, 'X.XHS.08', case when numerator >= 1 then 1 else 0 end, null, simulated,
           'health: the commune station runs the 3532 HIS'
      from years where source = 'health' and indicator = 'his_3532' and numerator is not null
)
select unit_code, year, criterion, value, denominator, simulated, origin from inputs;
comment on view analytics.criterion_inputs_qd2361 is 'Values of 2361 commune criteria from the sources per 2025 commune and year, as ./pipeline evaluate reads them.';

grant select on analytics.criterion_inputs_qd2361 to pipeline_analyst, pipeline_steward, pipeline_loader;

-- Fresh tables have no statistics until autovacuum gets to them; the views above plan badly without them.
analyze fact.indicator;
