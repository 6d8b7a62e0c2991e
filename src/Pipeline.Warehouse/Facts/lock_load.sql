-- Loads of one (source, period) take turns: a session lock, held until the load ends (release_session_locks.sql).
select pg_advisory_lock(hashtext('load'), hashtext(@key))
