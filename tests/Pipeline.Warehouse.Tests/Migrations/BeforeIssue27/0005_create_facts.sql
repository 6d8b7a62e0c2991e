-- Facts: intake records resolved to warehouse units (era, code), one row per source x stream x unit x indicator x
-- period, with lineage; the normaliser's run history, quarantine and the mapping of sources' own ids to units.

-- Whether a pull ran against the bundled simulators: facts made from it say so (simulated data is labelled
-- everywhere it appears).
alter table intake.run add column simulated boolean not null default false;

create schema fact;
comment on schema fact is 'Warehouse facts per unit (era, code), their revisions, load runs, quarantine and unit mappings.';
grant usage on schema fact to pipeline_loader, pipeline_steward;

-- What each source indicator is, and how it folds. Data, not code: a province adds rows for its own feeds.
create table fact.indicator (
    indicator text primary key,
    title     text not null,
    -- Over an assessment year: stock = the latest value at or before the as-of date; flow = sum of numerators over
    -- sum of denominators within the year (SPEC section 5).
    folding   text not null check (folding in ('stock', 'flow')),
    -- Over several source units landing on one warehouse unit (old communes rebased onto a new one, facilities in a
    -- commune): sum = numerators and denominators added; share = 0/1 flags counted (how many of how many);
    -- single = cannot be combined (a rate or score), only carried one to one.
    combining text not null check (combining in ('sum', 'share', 'single')),
    note      text
);
comment on table fact.indicator is 'Indicators the sources publish: title, folding over a year (stock/flow), combining over units.';

insert into fact.indicator (indicator, title, folding, combining, note) values
    ('population',                       'Population',                                                    'stock', 'sum',    'VNeID'),
    ('population_14_plus',               'Population aged 14 and over',                                   'stock', 'sum',    'VNeID; denominator of X.XHS.04'),
    ('population_15_plus',               'Population aged 15 and over',                                   'stock', 'sum',    'VNeID; denominator of X.XHS.01'),
    ('households',                       'Households',                                                    'stock', 'sum',    'VNeID; denominator of X.XHS.02'),
    ('eid_level2_accounts',              'Level-2 e-identity accounts over population 14+',               'stock', 'sum',    'VNeID; X.XHS.04'),
    ('procedures_total',                 'Administrative procedures of the agency',                       'stock', 'sum',    'portal'),
    ('procedures_eligible_fully_online', 'Procedures eligible to be fully online over all procedures',    'stock', 'sum',    'portal; X.CQS.01'),
    ('procedures_offered_fully_online',  'Procedures offered fully online over eligible ones',            'stock', 'sum',    'portal; X.CQS.01'),
    ('dossiers_received',                'Dossiers received',                                             'flow',  'sum',    'portal, EMC; denominator of X.CQS.02'),
    ('dossiers_received_online',         'Dossiers received online over dossiers received',               'flow',  'sum',    'portal'),
    ('dossiers_online',                  'Dossiers received online over dossiers received',               'flow',  'sum',    'EMC (the portal names it dossiers_received_online)'),
    ('dossiers_fully_online',            'Dossiers handled fully online over dossiers received',          'flow',  'sum',    'portal, EMC; X.CQS.02'),
    ('index766_total',                   '766 index: total score over its maximum',                       'stock', 'single', 'portal; a score, never summed'),
    ('index766_transparency',            '766 index: transparency',                                       'stock', 'single', 'portal'),
    ('index766_progress',                '766 index: progress of handling',                               'stock', 'single', 'portal'),
    ('index766_online_tttt',             '766 index: online payment',                                     'stock', 'single', 'portal'),
    ('index766_online_clgq',             '766 index: online results',                                     'stock', 'single', 'portal'),
    ('index766_satisfaction',            '766 index: satisfaction',                                       'stock', 'single', 'portal'),
    ('index766_digitisation',            '766 index: digitisation of records',                            'stock', 'single', 'portal'),
    ('smartphone_subscribers_15_plus',   'Smartphone subscribers aged 15 and over (per operator)',         'stock', 'sum',    'telecom; X.XHS.01 over population 15+'),
    ('households_fibre',                 'Households covered by fibre over households (per operator)',    'stock', 'sum',    'telecom; X.XHS.02'),
    ('digital_signatures_personal',      'Personal digital signatures (per operator)',                    'stock', 'sum',    'telecom; X.XHS.03'),
    ('cultural_houses_fibre',            'Cultural houses with fibre over cultural houses (per operator)', 'stock', 'sum',   'telecom; X.XHS.07'),
    ('tslcd_200mbps',                    'Commune office on the TSLCD network at 200 Mbps (flag)',        'stock', 'share',  'telecom; X.CQS.15; several old communes: how many of how many'),
    ('service_points',                   'Postal service points',                                         'stock', 'sum',    'postal'),
    ('service_points_with_internet_pc',  'Service points with an internet PC over service points',        'stock', 'sum',    'postal; X.CQS.14'),
    ('ocop_products',                    'OCOP products',                                                 'stock', 'sum',    'postal'),
    ('ocop_products_online',             'OCOP products on e-commerce over OCOP products',                'stock', 'sum',    'postal; X.KTS.03'),
    ('digital_addresses',                'Digital addresses over households',                             'stock', 'sum',    'postal'),
    ('ehealth_records',                  'People with an e-health record over people served',             'stock', 'sum',    'health; X.XHS.06'),
    ('his_3532',                         'Stations running the 3532 HIS (flags counted)',                 'stock', 'share',  'health; X.XHS.08, H.XHS.03'),
    ('emr',                              'Facilities with electronic medical records (flags counted)',    'stock', 'share',  'health; H.XHS.04');

-- How a source's own ids (and, where a steward decided, names) map to units. Rows with method 'label' are written
-- by the normaliser from the labels the source gives; 'steward' rows are decisions and win over labels.
create table fact.unit_mapping (
    source        text not null,
    unit_key_kind text not null check (unit_key_kind in ('name', 'source_id')),
    unit_key      text not null,
    era           smallint not null,
    unit_code     text not null,
    method        text not null check (method in ('label', 'steward')),
    label         text,
    note          text,
    decided_by    text not null,
    decided_at    timestamptz not null,
    primary key (source, unit_key_kind, unit_key),
    foreign key (era, unit_code) references ref.admin_unit (era, code) deferrable initially deferred
);
comment on table fact.unit_mapping is 'Source ids and names mapped to units: from labels (normaliser) or by a steward (wins).';

-- One row per load of one source and period: the run history operators read (`./pipeline runs`).
create table fact.load_run (
    load_run_id     bigint generated always as identity primary key,
    source          text not null,
    period          text not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    status          text not null check (status in ('running', 'succeeded', 'failed')),
    error           text,
    rows_read       integer not null default 0,
    facts_inserted  integer not null default 0,
    facts_unchanged integer not null default 0,
    facts_revised   integer not null default 0,
    facts_withdrawn integer not null default 0,
    quarantined     integer not null default 0,
    released        integer not null default 0
);
create index load_run_source_period on fact.load_run (source, period, load_run_id);
comment on table fact.load_run is 'Loads of intake records into facts: one source, one period; counts, status and error.';

-- Current values. `complete` is false when a rebased value lacks a predecessor commune or was touched by a split
-- that could not be allocated (SPEC section 4).
create table fact.value (
    source        text not null,
    stream        text not null,
    era           smallint not null,
    unit_code     text not null,
    indicator     text not null references fact.indicator,
    period        text not null,
    period_start  date not null,
    period_end    date not null,
    numerator     numeric,
    denominator   numeric,
    value         numeric,
    value_unit    text not null check (value_unit in ('count', 'percent', 'score', 'flag')),
    complete      boolean not null,
    simulated     boolean not null,
    unit_keys     text[] not null,
    record_refs   text[] not null,
    intake_run_id bigint not null references intake.run,
    load_run_id   bigint not null references fact.load_run,
    loaded_at     timestamptz not null,
    revision      integer not null default 1,
    primary key (source, stream, era, unit_code, indicator, period),
    foreign key (era, unit_code) references ref.admin_unit (era, code) deferrable initially deferred
);
create index value_source_period on fact.value (source, period);
create index value_unit on fact.value (era, unit_code, indicator, period);
comment on table fact.value is 'Facts: one per source x stream x unit (era, code) x indicator x period, current value with lineage.';
comment on column fact.value.unit_keys is 'The keys the source used for the records behind this value (several when rebased or summed over facilities).';
comment on column fact.value.record_refs is 'Raw record references: payload id and the place in it (payload 12: line 5).';

-- Earlier values: revised by a source, or withdrawn (no longer produced, e.g. after a mapping changed).
create table fact.value_revision (
    source          text not null,
    stream          text not null,
    era             smallint not null,
    unit_code       text not null,
    indicator       text not null,
    period          text not null,
    revision        integer not null,
    numerator       numeric,
    denominator     numeric,
    value           numeric,
    value_unit      text not null,
    complete        boolean not null,
    unit_keys       text[] not null,
    record_refs     text[] not null,
    intake_run_id   bigint not null,
    load_run_id     bigint not null,
    loaded_at       timestamptz not null,
    change          text not null check (change in ('revised', 'withdrawn')),
    replaced_by_run bigint not null references fact.load_run,
    -- A withdrawn fact that comes back starts again at revision 1, so the run is part of the key.
    primary key (source, stream, era, unit_code, indicator, period, revision, replaced_by_run)
);
comment on table fact.value_revision is 'Facts as they were before a revision or withdrawal: the previous value is never lost.';

-- Intake records the normaliser could not place on a unit, one row per record; open until a later load places it.
create table fact.quarantine (
    quarantine_id        bigint generated always as identity primary key,
    source               text not null,
    stream               text not null,
    unit_key_kind        text not null,
    unit_key             text not null,
    unit_label           text,
    indicator            text not null,
    period               text not null,
    reason               text not null check (reason in (
                             'unknown_unit', 'unmatched_unit', 'ambiguous_unit', 'unmapped_key', 'era_mismatch',
                             'split_without_primary', 'duplicate_unit', 'not_combinable', 'unknown_indicator')),
    detail               text not null,
    candidates           text[] not null,
    payload_id           bigint not null references intake.payload,
    record_ref           text not null,
    first_load_run_id    bigint not null references fact.load_run,
    last_load_run_id     bigint not null references fact.load_run,
    released_at          timestamptz,
    released_by_run      bigint references fact.load_run,
    unique (source, stream, unit_key_kind, unit_key, indicator, period)
);
create index quarantine_open on fact.quarantine (source, period) where released_at is null;
comment on table fact.quarantine is 'Intake records not placed on a unit (reason, candidate codes); released when a later load places them.';

grant select, insert, update, delete on all tables in schema fact to pipeline_loader;
grant select on all tables in schema fact to pipeline_steward;
grant insert, update on fact.unit_mapping to pipeline_steward;

-- Analysts: current facts with unit names, era-aware; the rate is derived from the counts, never stored.
create view analytics.indicator_values as
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
comment on view analytics.indicator_values is 'Current source values per unit (era, code), indicator and period, with unit names and derived rate.';

-- Per assessment year (the calendar year a period ends in), each indicator folded as it declares.
create view analytics.indicator_years as
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
comment on view analytics.indicator_years is 'Facts folded per assessment year: flows summed (numerators and denominators), stocks latest.';

-- For trends across the reform: every count on 2025 communes. Facts of 2024-era periods are summed over predecessors
-- as `./pipeline rebase` does (SPEC section 4): an old commune counts whole in its only successor or its primary
-- target; a split without one is not divided, and the 2025 communes it touches are incomplete. Scores (`single`)
-- are not summed and appear only for 2025-era periods.
create view analytics.indicator_values_2025_units as
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
comment on view analytics.indicator_values_2025_units is 'Facts of both eras on 2025 communes: 2024-era counts summed over predecessors, with completeness.';

create view analytics.load_runs as
select load_run_id, source, period, started_at, finished_at, status, error, rows_read, facts_inserted,
       facts_unchanged, facts_revised, facts_withdrawn, quarantined, released
  from fact.load_run;

grant select on analytics.indicator_values, analytics.indicator_years, analytics.indicator_values_2025_units, analytics.load_runs
    to pipeline_analyst, pipeline_steward, pipeline_loader;
