-- The staged facts' references, checked as a set before the merge: every unit, indicator and intake run they refer to
-- exists (fact.value has no per-row foreign keys: sql/0013; staging's primary key already refuses a key twice). Each
-- check looks at the distinct values once, not at every row. Returns at most a few problems, each naming the records
-- of a fact; none means go ahead.
(select format('no unit %s/%s in ref.admin_unit for the fact of %s', s.era, s.unit_code, (
            select array_to_string(x.record_refs, ', ') from stage_fact x where x.era = s.era and x.unit_code = s.unit_code limit 1))
   from (select distinct era, unit_code from stage_fact) s
  where not exists (select 1 from ref.admin_unit u where u.era = s.era and u.code = s.unit_code)
  limit 3)
union all
(select format('no indicator %s in fact.indicator for the fact of %s', s.indicator, (
            select array_to_string(x.record_refs, ', ') from stage_fact x where x.indicator = s.indicator limit 1))
   from (select distinct indicator from stage_fact) s
  where not exists (select 1 from fact.indicator i where i.indicator = s.indicator)
  limit 3)
union all
(select format('no intake run %s for the fact of %s', s.intake_run_id, (
            select array_to_string(x.record_refs, ', ') from stage_fact x where x.intake_run_id = s.intake_run_id limit 1))
   from (select distinct intake_run_id from stage_fact) s
  where not exists (select 1 from intake.run r where r.run_id = s.intake_run_id)
  limit 3);
