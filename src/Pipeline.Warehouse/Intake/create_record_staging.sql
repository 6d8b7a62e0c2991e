create temporary table stage_record (
    unit_key_kind text not null,
    unit_key      text not null,
    unit_label    text,
    indicator     text not null,
    period        text not null,
    numerator     numeric,
    denominator   numeric,
    value         numeric,
    value_unit    text not null,
    record_ref    text not null
) on commit drop;
