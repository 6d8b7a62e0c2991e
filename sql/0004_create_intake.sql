-- Intake: what connectors fetched, exactly as fetched, and the records they accepted or quarantined.
-- Issue 6's normaliser reads intake.record; nothing here is resolved to warehouse units yet.

create schema intake;
comment on schema intake is 'Raw landing of source pulls: runs, payloads, accepted records, quarantine, cursors.';
grant usage on schema intake to pipeline_loader, pipeline_steward;

-- One row per run of one source for one period. Counts are updated page by page, in the page's transaction.
create table intake.run (
    run_id            bigint generated always as identity primary key,
    source            text not null,
    period            text not null,
    started_at        timestamptz not null,
    finished_at       timestamptz,
    status            text not null check (status in ('running', 'succeeded', 'failed')),
    error             text,
    pages_landed      integer not null default 0,
    pages_unchanged   integer not null default 0,
    records_read      integer not null default 0,
    records_inserted  integer not null default 0,
    records_revised   integer not null default 0,
    records_unchanged integer not null default 0,
    quarantined       integer not null default 0,
    payloads_rejected integer not null default 0
);
create index run_source_period on intake.run (source, period, run_id);
comment on table intake.run is 'Runs of connectors: one source, one period; status, error and counts.';

-- Payloads as received. A byte-identical payload of the same stream and period is landed once (rerun = no change);
-- the period is part of the key because a list or file can be byte-identical from one period to the next.
create table intake.payload (
    payload_id   bigint generated always as identity primary key,
    run_id       bigint not null references intake.run,
    source       text not null,
    stream       text not null,
    period       text not null,
    request      text not null,
    content_type text not null,
    size_bytes   integer not null,
    sha256       bytea not null,
    fetched_at   timestamptz not null,
    content      bytea not null,
    unique (source, stream, period, sha256)
);
comment on table intake.payload is 'Raw payloads (bytes as received, SHA-256, request, fetch time); the lineage of every record.';

-- Accepted records, current values. Keyed as the source keyed them; revisions keep the old values below.
create table intake.record (
    source              text not null,
    stream              text not null,
    unit_key_kind       text not null check (unit_key_kind in ('code', 'name', 'source_id')),
    unit_key            text not null,
    unit_label          text,
    indicator           text not null,
    period              text not null,
    numerator           numeric,
    denominator         numeric,
    value               numeric,
    value_unit          text not null check (value_unit in ('count', 'percent', 'score', 'flag')),
    payload_id          bigint not null references intake.payload,
    record_ref          text not null,
    first_run_id        bigint not null references intake.run,
    last_changed_run_id bigint not null references intake.run,
    revision            integer not null default 1,
    primary key (source, stream, unit_key_kind, unit_key, indicator, period)
);
comment on table intake.record is 'Validated source records (current values) with the payload and row they came from.';

create table intake.record_revision (
    source          text not null,
    stream          text not null,
    unit_key_kind   text not null,
    unit_key        text not null,
    indicator       text not null,
    period          text not null,
    revision        integer not null,
    numerator       numeric,
    denominator     numeric,
    value           numeric,
    payload_id      bigint not null references intake.payload,
    record_ref      text not null,
    replaced_by_run bigint not null references intake.run,
    primary key (source, stream, unit_key_kind, unit_key, indicator, period, revision)
);
comment on table intake.record_revision is 'Values a source later revised: the previous value is never lost.';

create table intake.quarantine (
    quarantine_id bigint generated always as identity primary key,
    run_id        bigint not null references intake.run,
    source        text not null,
    stream        text not null,
    payload_id    bigint not null references intake.payload,
    record_ref    text not null,
    raw           text not null,
    reason        text not null,
    detail        text not null,
    unique (payload_id, record_ref, reason)
);
comment on table intake.quarantine is 'Records a connector refused, with the raw text and a reason code; never dropped silently.';

-- Payloads refused whole for carrying personal data: what was asked and why, nothing of the content.
create table intake.rejected_payload (
    rejection_id bigint generated always as identity primary key,
    run_id       bigint not null references intake.run,
    source       text not null,
    stream       text not null,
    request      text not null,
    size_bytes   integer not null,
    reason       text not null,
    rejected_at  timestamptz not null
);
comment on table intake.rejected_payload is 'Payloads refused whole (personal identifiers): request, size and reason only.';

-- Where each stream of each (source, period) got to; written in the same transaction as the page it follows.
create table intake.cursor (
    source     text not null,
    stream     text not null,
    period     text not null,
    position   text not null,
    run_id     bigint not null references intake.run,
    updated_at timestamptz not null,
    primary key (source, stream, period)
);
comment on table intake.cursor is 'Incremental cursors per source, stream and period (connector-defined JSON).';

grant select, insert, update on all tables in schema intake to pipeline_loader;
grant select on all tables in schema intake to pipeline_steward;
