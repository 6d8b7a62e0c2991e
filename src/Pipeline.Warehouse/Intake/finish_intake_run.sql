update intake.run
   set status = @status, error = @error, finished_at = @now
 where run_id = @run_id
returning run_id, source, period, status, error, pages_landed, pages_unchanged, records_read, records_inserted,
          records_revised, records_unchanged, quarantined, payloads_rejected, finished_at - started_at as duration;
