-- What a load of @source and @period finds: whether the period has facts, and the digest of the facts the latest
-- succeeded load of it left (null before sql/0014, or since the period's rows were changed by hand; the running
-- load's own row is not succeeded yet).
-- Whether the period has facts is the first row of its range of the primary key: a scalar subquery ordered as the key
-- and limited to one row can only be planned as that. An exists () was planned as a scan of the whole table whenever
-- the statistics took the period for a large one (a period loaded moments ago, another source's statistics after a
-- truncate): 0.2-0.5 s a load on 8 M facts.
select (select true
          from fact.value
         where source = @source and period = @period
         order by source, period, unit_code, indicator, stream, era
         limit 1) is not null as has_facts,
       (select facts_digest
          from fact.load_run
         where source = @source and period = @period and status = 'succeeded'
         order by load_run_id desc
         limit 1) as digest;
