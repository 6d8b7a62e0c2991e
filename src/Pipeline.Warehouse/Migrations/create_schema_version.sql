create table if not exists public.schema_version (
    version    integer     primary key,
    name       text        not null,
    checksum   text        not null,
    applied_at timestamptz not null
);

-- The text of each sql/repeatable/ file last applied, keyed by object name (its file name without the order prefix).
create table if not exists public.schema_repeatable (
    name       text        primary key,
    file       text        not null,
    checksum   text        not null,
    applied_at timestamptz not null
);
