create temporary table stage_level (
    unit_code        text primary key,
    level            integer not null,
    attainable_level integer not null,
    blocking         text[] not null,
    missing          text[] not null,
    undetermined     text[] not null
) on commit drop;
