-- A repeatable keeps one row: the text it was last applied with.
insert into public.schema_repeatable (name, file, checksum, applied_at) values (@Name, @File, @Checksum, @appliedAt)
on conflict (name) do update set file = excluded.file, checksum = excluded.checksum, applied_at = excluded.applied_at
