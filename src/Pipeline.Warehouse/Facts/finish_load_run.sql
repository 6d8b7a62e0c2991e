update fact.load_run
   set status = @status, error = @error, finished_at = @now, rows_read = @rows_read, facts_inserted = @inserted,
       facts_unchanged = @unchanged, facts_revised = @revised, facts_withdrawn = @withdrawn,
       quarantined = @quarantined, released = @released, facts_digest = @facts_digest
 where load_run_id = @load_run_id
returning load_run_id, source, period, status, error, rows_read, facts_inserted, facts_unchanged, facts_revised,
          facts_withdrawn, quarantined, released, finished_at - started_at as duration;
