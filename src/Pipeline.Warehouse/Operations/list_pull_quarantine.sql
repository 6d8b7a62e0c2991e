select q.source, q.stream, r.period, q.record_ref, q.reason, q.detail, q.raw
  from intake.quarantine q
  join intake.run r using (run_id)
 where (@source::text is null or q.source = @source)
   and (@reason::text is null or q.reason = @reason)
 order by q.quarantine_id desc
 limit @limit;
