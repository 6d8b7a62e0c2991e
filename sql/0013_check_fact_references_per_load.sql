-- Loading a period of facts spent two thirds of its time in foreign-key triggers: four per inserted row (unit,
-- indicator, intake run, load run), each a query of its own. Measured on 94,770 facts: 2.8 s with them, 1.0 s
-- without (`./pipeline bench` load figure: README, Benchmarks). The references are now checked once per load, over
-- the whole staged set (Queries/check_staged_facts.sql, before the merge), and once per statement on the
-- referenced side (the triggers below): a delete or key change that would leave a fact pointing at nothing fails,
-- as the foreign keys made it fail. fact.value is written only by the loader's merge.
alter table fact.value
    drop constraint value_era_unit_code_fkey,
    drop constraint value_indicator_fkey,
    drop constraint value_intake_run_id_fkey,
    drop constraint value_load_run_id_fkey;

-- A load reads and replaces one (source, period): with the period second in the key, the key serves that range
-- and a new period's facts go to one place in the index instead of between every earlier period's.
-- (source, period) had an index of its own for that, now redundant.
alter table fact.value drop constraint value_pkey;
alter table fact.value add constraint value_pkey primary key (source, period, stream, era, unit_code, indicator);
drop index fact.value_source_period;

-- The referenced side. Each function runs after the statement with the rows it removed (or whose key it changed)
-- and fails if a fact still points at a key that no longer exists.
create function fact.keep_units_of_facts() returns trigger
language plpgsql security definer set search_path = pg_catalog as $$
declare
    orphan record;
begin
    select v.era, v.unit_code, v.source, v.period into orphan
      from gone g
      join fact.value v on v.era = g.era and v.unit_code = g.code
     where not exists (select 1 from ref.admin_unit u where u.era = g.era and u.code = g.code)
     limit 1;
    if found then
        raise foreign_key_violation using message = format(
            'unit %s/%s is still referenced by facts (source %s, period %s): it cannot be removed',
            orphan.era, orphan.unit_code, orphan.source, orphan.period);
    end if;
    return null;
end $$;

create function fact.keep_indicators_of_facts() returns trigger
language plpgsql security definer set search_path = pg_catalog as $$
declare
    orphan record;
begin
    select v.indicator, v.source, v.period into orphan
      from gone g
      join fact.value v on v.indicator = g.indicator
     where not exists (select 1 from fact.indicator i where i.indicator = g.indicator)
     limit 1;
    if found then
        raise foreign_key_violation using message = format(
            'indicator %s is still referenced by facts (source %s, period %s): it cannot be removed',
            orphan.indicator, orphan.source, orphan.period);
    end if;
    return null;
end $$;

create function fact.keep_runs_of_facts() returns trigger
language plpgsql security definer set search_path = pg_catalog as $$
declare
    orphan record;
begin
    if tg_table_schema = 'intake' then
        select v.intake_run_id as run_id, v.source, v.period into orphan
          from gone g join fact.value v on v.intake_run_id = g.run_id
         where not exists (select 1 from intake.run r where r.run_id = g.run_id)
         limit 1;
    else
        select v.load_run_id as run_id, v.source, v.period into orphan
          from gone g join fact.value v on v.load_run_id = g.load_run_id
         where not exists (select 1 from fact.load_run r where r.load_run_id = g.load_run_id)
         limit 1;
    end if;
    if found then
        raise foreign_key_violation using message = format(
            '%s.%s run %s is still referenced by facts (source %s, period %s): it cannot be removed',
            tg_table_schema, tg_table_name, orphan.run_id, orphan.source, orphan.period);
    end if;
    return null;
end $$;

create trigger keep_facts_on_delete after delete on ref.admin_unit
    referencing old table as gone for each statement execute function fact.keep_units_of_facts();
create trigger keep_facts_on_delete after delete on fact.indicator
    referencing old table as gone for each statement execute function fact.keep_indicators_of_facts();
create trigger keep_facts_on_delete after delete on intake.run
    referencing old table as gone for each statement execute function fact.keep_runs_of_facts();
create trigger keep_facts_on_delete after delete on fact.load_run
    referencing old table as gone for each statement execute function fact.keep_runs_of_facts();

-- Keys do not change in place: a unit's (era, code) or an indicator's name is its identity (codes are reused across
-- eras, so a changed code is another unit). Run ids are identity columns and cannot change anyway. The upserts of
-- units and indicators change other columns, which these triggers do not look at.
create function fact.refuse_key_change() returns trigger
language plpgsql set search_path = pg_catalog as $$
begin
    raise foreign_key_violation using message = format(
        '%s.%s: a key does not change in place (row %s); add the new row and remove the old one',
        tg_table_schema, tg_table_name, old);
end $$;

create trigger refuse_key_change after update of era, code on ref.admin_unit
    for each row when (old.era <> new.era or old.code <> new.code) execute function fact.refuse_key_change();
create trigger refuse_key_change after update of indicator on fact.indicator
    for each row when (old.indicator <> new.indicator) execute function fact.refuse_key_change();
