insert into public.schema_version (version, name, checksum, applied_at) values (@Version, @Name, @Checksum, @appliedAt)
