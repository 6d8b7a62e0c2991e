select name, file, checksum, applied_at from public.schema_repeatable
