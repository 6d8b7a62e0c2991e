-- Written by the Hangfire job itself in the worker process; a job run twice counts once, at its first start.
insert into bench.pickup (job, enqueued_at, started_at) values (@job, @enqueuedAt, @startedAt) on conflict do nothing
