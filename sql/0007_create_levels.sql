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

-- The view analytics.levels is defined in sql/repeatable/ since issue 27. Warehouses that applied the earlier text:
-- sql/rewritten-checksums.txt.
