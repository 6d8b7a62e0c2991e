-- Pulls (intake.run) and loads (fact.load_run) in one history, newest first.
select stage, run_id, source, period, status, started_at, duration, rows_read, new_rows, unchanged, revised, quarantined, error
  from (
    select 'pull' as stage, run_id, source, period, status, started_at, finished_at - started_at as duration,
           records_read as rows_read, records_inserted as new_rows, records_unchanged as unchanged,
           records_revised as revised, quarantined, error
      from intake.run
    union all
    select 'load', load_run_id, source, period, status, started_at, finished_at - started_at,
           rows_read, facts_inserted, facts_unchanged, facts_revised, quarantined, error
      from fact.load_run
  ) runs
 where @source::text is null or source = @source
 order by started_at desc, stage desc
 limit @limit;
