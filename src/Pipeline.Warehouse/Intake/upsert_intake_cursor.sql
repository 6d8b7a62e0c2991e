insert into intake.cursor (source, stream, period, position, run_id, updated_at)
values (@source, @stream, @period, @position, @run_id, @now)
on conflict (source, stream, period) do update
   set position = excluded.position, run_id = excluded.run_id, updated_at = excluded.updated_at;
