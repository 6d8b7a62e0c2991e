-- Runs of this source and period still marked running were abandoned (their process died: we now hold the lock
-- they held). Say so, then open the new run.
with abandoned as (
    update intake.run
       set status = 'failed', finished_at = @now, error = 'abandoned: the process running it stopped before it finished'
     where source = @source and period = @period and status = 'running'
)
insert into intake.run (source, period, started_at, status, simulated)
values (@source, @period, @now, 'running', @simulated)
returning run_id;
