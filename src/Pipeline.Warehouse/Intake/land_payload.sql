-- A payload byte-identical to one already landed for this stream and period returns no row: the page is unchanged.
insert into intake.payload (run_id, source, stream, period, request, content_type, size_bytes, sha256, fetched_at, content)
values (@run_id, @source, @stream, @period, @request, @content_type, @size_bytes, @sha256, @fetched_at, @content)
on conflict (source, stream, period, sha256) do nothing
returning payload_id;
