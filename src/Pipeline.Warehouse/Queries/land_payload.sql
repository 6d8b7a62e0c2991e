-- A payload byte-identical to one already landed for this stream returns no row: the page is unchanged.
insert into intake.payload (run_id, source, stream, request, content_type, size_bytes, sha256, fetched_at, content)
values (@run_id, @source, @stream, @request, @content_type, @size_bytes, @sha256, @fetched_at, @content)
on conflict (source, stream, sha256) do nothing
returning payload_id;
