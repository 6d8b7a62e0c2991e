-- A pooled connection keeps session advisory locks until it is reused: a run or load releases its own when it ends.
select pg_advisory_unlock_all()
