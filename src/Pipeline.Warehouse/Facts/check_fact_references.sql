-- The units, indicators and intake runs a load's facts refer to, each once (@eras with @units pairwise, @indicators,
-- @runs): those that do not exist. fact.value has no per-row foreign keys (sql/0013); none returned means sound.
select 'unit' as kind, u.era, u.code as key
  from unnest(@eras::smallint[], @units::text[]) as u(era, code)
 where not exists (select 1 from ref.admin_unit a where a.era = u.era and a.code = u.code)
union all
select 'indicator', null::smallint, i.indicator
  from unnest(@indicators::text[]) as i(indicator)
 where not exists (select 1 from fact.indicator f where f.indicator = i.indicator)
union all
select 'run', null::smallint, r.run_id::text
  from unnest(@runs::bigint[]) as r(run_id)
 where not exists (select 1 from intake.run x where x.run_id = r.run_id);
