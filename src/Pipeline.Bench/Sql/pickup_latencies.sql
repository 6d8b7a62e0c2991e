-- Milliseconds from enqueue to start for every timed job (job 0 is the warm-up).
select extract(epoch from started_at - enqueued_at)::float8 * 1000 from bench.pickup where job > 0
