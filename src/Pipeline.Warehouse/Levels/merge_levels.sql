-- Both statements see fact.level as it was: the audit keeps old and new of every unit whose evaluation changed,
-- and only those rows are written.
with changed as (
    select s.*, l.level as old_level, l.attainable_level as old_attainable_level, l.blocking as old_blocking, l.missing as old_missing,
           l.undetermined as old_undetermined
      from stage_level s
      left join fact.level l
        on l.framework = @framework and l.era = @era and l.year = @year and l.unit_code = s.unit_code
     where l.unit_code is null
        or (l.level, l.attainable_level, l.blocking, l.missing, l.undetermined)
           is distinct from (s.level, s.attainable_level, s.blocking, s.missing, s.undetermined)
), audited as (
    insert into fact.level_change
        (framework, era, unit_code, year, changed_at, old_level, new_level, old_attainable_level, new_attainable_level,
         old_blocking, new_blocking, old_missing, new_missing, old_undetermined, new_undetermined)
    select @framework, @era, unit_code, @year, @now, old_level, level, old_attainable_level, attainable_level,
           old_blocking, blocking, old_missing, missing, old_undetermined, undetermined
      from changed
), written as (
    insert into fact.level as l (framework, era, unit_code, year, level, attainable_level, blocking, missing, undetermined, evaluated_at)
    select @framework, @era, unit_code, @year, level, attainable_level, blocking, missing, undetermined, @now
      from changed
    on conflict (framework, era, unit_code, year) do update
       set level = excluded.level, attainable_level = excluded.attainable_level, blocking = excluded.blocking,
           missing = excluded.missing, undetermined = excluded.undetermined, evaluated_at = excluded.evaluated_at
    returning 1
)
select count(*)::int from written;
