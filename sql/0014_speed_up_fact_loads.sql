-- Faster loads of facts (issue 10; `./pipeline bench --only load`, README, Benchmarks). Measured per 132,840-row
-- period on 2 cores. A new period is now COPied straight into fact.value (FactCopy), and sql/0013's check of a load's
-- references runs on the distinct units, indicators and runs the load gathers as it writes
-- (Queries/check_fact_references.sql, in place of check_staged_facts.sql).

-- The B-tree on (era, unit_code, indicator, period) cost as much as the primary key, about 0.2 s a period, and grew
-- with the table, because every period inserts one entry between each unit's earlier ones. Reads by unit are the only
-- ones it served (the rest go by source and period, or scan a year). Loads write a period's facts in key order
-- (FactOrder: unit, indicator, stream), so a unit's facts of one (source, period) sit on one or two neighbouring
-- pages, and a BRIN index keeping the unit range of every 8 pages finds them: 8 pages read per (source, period)
-- instead of a B-tree followed, and an insert only widens a range's bounds. Measured on 1.06 M facts: one unit's 320
-- facts in 1.4 ms through it, and a load no slower than with the primary key alone. A revised fact moves to another
-- page and widens that page's range: reads by unit stay correct, and only get slower if most facts are revised.
drop index fact.value_unit;
create index value_unit on fact.value using brin (era, unit_code) with (pages_per_range = 8);

-- The primary key compares its columns in order, and every column after a text one is found by walking the ones
-- before it: with unit and indicator ahead of stream and era (fixed for a source's period), an insert compares fewer
-- columns. Measured on 132,840 facts COPied into a period at the end of the key: 0.35 s instead of 0.39; between two
-- stored periods (two loads at once): 0.47 s instead of 0.53.
alter table fact.value drop constraint value_pkey;
alter table fact.value add constraint value_pkey primary key (source, period, unit_code, indicator, stream, era);

-- Pages written since the last summary have none yet, and a read by unit reads them whole (correct, only slower).
-- Each load summarises the pages it wrote after its commit (FactStatistics: 30 ms for a 132,840-fact period, which
-- two loads at once do not show). Leaving it to vacuum instead, with fact.value vacuumed after every 2% of new rows,
-- had autovacuum scanning the table under the 60-period bench load: 37 s instead of 24. The function runs as the
-- table's owner because brin_summarize_new_values needs the index's owner and loads may run as pipeline_loader.
create function fact.summarise_new_fact_pages() returns integer
language sql security definer set search_path = pg_catalog as $$
    select brin_summarize_new_values('fact.value_unit'::regclass);
$$;
revoke all on function fact.summarise_new_fact_pages() from public;
grant execute on function fact.summarise_new_fact_pages() to pipeline_loader;

-- Statistics only for the columns queries filter, join or group on, from a smaller sample. A load that changed a
-- tenth of the table analyses it (FactStatistics): with every column at the default target (a 30,000-row sample)
-- that was 0.12-0.14 s a load on 800,000 facts, most of it the lineage arrays; the columns below at 10 (a 3,000-row
-- sample, enough for their few, even values: sources, periods, indicators, eras, flags) take 0.01 s.
alter table fact.value
    alter column numerator set statistics 0,
    alter column denominator set statistics 0,
    alter column value set statistics 0,
    alter column unit_keys set statistics 0,
    alter column record_refs set statistics 0,
    alter column intake_run_id set statistics 0,
    alter column load_run_id set statistics 0,
    alter column loaded_at set statistics 0,
    alter column revision set statistics 0,
    alter column source set statistics 10,
    alter column stream set statistics 10,
    alter column era set statistics 10,
    alter column unit_code set statistics 10,
    alter column indicator set statistics 10,
    alter column period set statistics 10,
    alter column period_start set statistics 10,
    alter column period_end set statistics 10,
    alter column value_unit set statistics 10,
    alter column complete set statistics 10,
    alter column simulated set statistics 10;
alter statistics fact.value_year set statistics 10;

-- What each load left in the period: an order-independent digest of its facts' keys and the values the merge
-- compares (FactDigest). A load whose facts give the digest the period's latest succeeded load left has nothing to
-- change and writes no fact (the nightly re-pull of an unchanged source). That holds while the period's rows are still
-- those that load wrote: loads write them in one transaction with their load_run row, and any other change to a
-- period's rows (a delete or an update by hand) forgets its digests below, so the next load merges in full and puts
-- back what the facts say (after a truncate the period has no facts, and the next load COPies them). Loads before
-- this migration have no digest and merge as before.
alter table fact.load_run add column facts_digest bytea;
comment on column fact.load_run.facts_digest is
    'Digest of the facts the load left for its source and period (keys and compared values, order-independent); null before sql/0014, for failed loads, and once the period''s rows were changed by anything but a load.';

-- Statement triggers with the changed rows: one update per statement, none on COPY or insert (a new period). The
-- merge's own deletes and updates forget the older loads' digests too, which is right: its load stores the new one.
create function fact.forget_digests_of_changed_periods() returns trigger
language plpgsql security definer set search_path = pg_catalog as $$
begin
    update fact.load_run r
       set facts_digest = null
      from (select distinct source, period from changed) c
     where r.source = c.source and r.period = c.period and r.facts_digest is not null;
    return null;
end $$;

create trigger forget_digests_on_delete after delete on fact.value
    referencing old table as changed for each statement execute function fact.forget_digests_of_changed_periods();
create trigger forget_digests_on_update after update on fact.value
    referencing old table as changed for each statement execute function fact.forget_digests_of_changed_periods();
