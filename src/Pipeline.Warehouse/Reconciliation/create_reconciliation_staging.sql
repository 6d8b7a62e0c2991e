create temporary table stage_reconciliation (
    reconciliation_id bigint,
    era               smallint not null,
    unit_code         text not null,
    measure           text not null,
    period_start      date not null,
    period_end        date not null,
    action            text not null,
    status_before     text,
    chosen_before     jsonb,
    status            text not null,
    reason            text not null,
    candidates        jsonb not null,
    spread            numeric not null,
    relative_spread   numeric,
    suggestion        jsonb,
    chosen            jsonb
) on commit drop;
