-- Runs of one (source, period) take turns: a session lock, held until the run ends (release_session_locks.sql).
select pg_advisory_lock(hashtext('intake'), hashtext(@key))
