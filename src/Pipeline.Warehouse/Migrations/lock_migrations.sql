-- One migrating process at a time, until its transaction ends; @key is the same constant in every process.
select pg_advisory_xact_lock(@key)
