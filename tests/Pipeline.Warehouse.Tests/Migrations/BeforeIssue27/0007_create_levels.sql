-- Levels per unit and assessment year under a levels framework, as the nightly job computes them from the
-- warehouse after each load; every change of a stored level is kept, so a source's restatement that moves a
-- commune's level is audited.
create table fact.level (
    framework        text not null,
    era              smallint not null,
    unit_code        text not null,
    year             integer not null,
    level            integer not null check (level between 0 and 5),
    attainable_level integer not null check (attainable_level between 0 and 5),
    blocking         text[] not null,
    missing          text[] not null,
    evaluated_at     timestamptz not null,
    primary key (framework, era, unit_code, year),
    foreign key (era, unit_code) references ref.admin_unit (era, code) deferrable initially deferred
);
comment on table fact.level is 'Level, attainable level, blocking and missing criteria per unit and year (framework, era).';

create table fact.level_change (
    framework            text not null,
    era                  smallint not null,
    unit_code            text not null,
    year                 integer not null,
    changed_at           timestamptz not null,
    old_level            integer,
    new_level            integer not null,
    old_attainable_level integer,
    new_attainable_level integer not null,
    old_blocking         text[],
    new_blocking         text[] not null,
    old_missing          text[],
    new_missing          text[] not null,
    primary key (framework, era, unit_code, year, changed_at)
);
comment on table fact.level_change is 'Every change of a stored level (the first evaluation has no old values).';

grant select, insert, update, delete on fact.level, fact.level_change to pipeline_loader;
grant select on fact.level, fact.level_change to pipeline_steward;

create view analytics.levels as
select l.framework, l.era, l.unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       u.district_code, d.name as district_name, l.year, l.level, l.attainable_level,
       array_to_string(l.blocking, ';') as blocking, array_to_string(l.missing, ';') as missing, l.evaluated_at
  from fact.level l
  join ref.admin_unit u on u.era = l.era and u.code = l.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
  left join ref.admin_unit d on d.era = u.era and d.code = u.district_code;
comment on view analytics.levels is 'Levels per unit and year with unit, district and province names.';
grant select on analytics.levels to pipeline_analyst, pipeline_steward, pipeline_loader;
