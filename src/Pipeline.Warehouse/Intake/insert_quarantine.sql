insert into intake.quarantine (run_id, source, stream, payload_id, record_ref, raw, reason, detail)
select @run_id, @source, @stream, @payload_id, q.record_ref, q.raw, q.reason, q.detail
  from unnest(@record_refs, @raws, @reasons, @details) as q(record_ref, raw, reason, detail)
on conflict (payload_id, record_ref, reason) do nothing;
