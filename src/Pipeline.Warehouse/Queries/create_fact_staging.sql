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

create temporary table stage_fact_quarantine (
    stream        text not null,
    unit_key_kind text not null,
    unit_key      text not null,
    unit_label    text,
    indicator     text not null,
    reason        text not null,
    detail        text not null,
    candidates    text[] not null,
    payload_id    bigint not null,
    record_ref    text not null,
    primary key (stream, unit_key_kind, unit_key, indicator)
) on commit drop;

create temporary table stage_label_mapping (
    unit_key_kind text not null,
    unit_key      text not null,
    era           smallint not null,
    unit_code     text not null,
    label         text,
    primary key (unit_key_kind, unit_key)
) on commit drop;
