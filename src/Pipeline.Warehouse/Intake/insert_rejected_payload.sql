insert into intake.rejected_payload (run_id, source, stream, request, size_bytes, reason, rejected_at)
values (@run_id, @source, @stream, @request, @size_bytes, @reason, @now);
