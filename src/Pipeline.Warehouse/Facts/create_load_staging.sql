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
