create temporary table stage_fact (
    stream        text not null,
    era           smallint not null,
    unit_code     text not null,
    indicator     text not null,
    numerator     numeric,
    denominator   numeric,
    value         numeric,
    value_unit    text not null,
    complete      boolean not null,
    simulated     boolean not null,
    unit_keys     text[] not null,
    record_refs   text[] not null,
    intake_run_id bigint not null,
    primary key (stream, era, unit_code, indicator)
) on commit drop;
