-- The load history for analysts (no unit data, not filtered).
create or replace view analytics.load_runs as
select load_run_id, source, period, started_at, finished_at, status, error, rows_read, facts_inserted,
       facts_unchanged, facts_revised, facts_withdrawn, quarantined, released
  from fact.load_run;

grant select on analytics.load_runs to pipeline_analyst, pipeline_steward, pipeline_loader;
