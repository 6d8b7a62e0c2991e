select version, name, checksum, applied_at from public.schema_version
