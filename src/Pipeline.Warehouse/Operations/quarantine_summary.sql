-- Open quarantine by stage, source and reason: the normaliser's (unit not placed) and the connectors' (record refused).
select 'load' as stage, source, reason, count(*)::int as records
  from fact.quarantine
 where released_at is null and (@source::text is null or source = @source)
 group by source, reason
union all
select 'pull', source, reason, count(*)::int
  from intake.quarantine
 where @source::text is null or source = @source
 group by source, reason
 order by 1, 2, 3;
