-- The bench's load tables in its own database: 40 SIMULATED indicators the generated CSV uses, one intake run the
-- facts point at (fact.value requires one), and the baseline's table: the CSV's shape with a primary key.
insert into fact.indicator (indicator, title, folding, combining, note)
select name, 'Bench indicator (SIMULATED)', 'stock', 'sum', 'pipeline bench only'
  from unnest(@indicators) as name;

create schema bench;
create table bench.csv_fact (
    unit_code   text not null,
    indicator   text not null,
    period      text not null,
    numerator   numeric,
    denominator numeric,
    primary key (unit_code, indicator, period)
);
create table bench.pickup (
    job         integer primary key,
    enqueued_at timestamptz not null,
    started_at  timestamptz not null
);

insert into intake.run (source, period, started_at, finished_at, status, simulated)
values ('bench', 'all', @now, @now, 'succeeded', true)
returning run_id;
