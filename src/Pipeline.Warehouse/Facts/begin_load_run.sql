-- Loads of this source and period still marked running were abandoned (their process died: we now hold the lock
-- they held, and their transaction was rolled back with their session). Say so, then open the new load.
with abandoned as (
    update fact.load_run
       set status = 'failed', finished_at = @now, error = 'abandoned: the process running it stopped before it finished; nothing of it was kept'
     where source = @source and period = @period and status = 'running'
)
insert into fact.load_run (source, period, started_at, status)
values (@source, @period, @now, 'running')
returning load_run_id;
