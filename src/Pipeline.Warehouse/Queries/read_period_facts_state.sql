-- What a load of @source and @period finds: whether the period has facts, and the digest of the facts the latest
-- succeeded load of it left (null before sql/0014, or since the period's rows were changed by hand; the running
-- load's own row is not succeeded yet).
-- The order by is the primary key's, so the first row comes from the key's range whatever the statistics say of a
-- period loaded moments ago.
select exists (select 1
                 from fact.value
                where source = @source and period = @period
                order by source, period, unit_code, indicator, stream, era
                limit 1) as has_facts,
       (select facts_digest
          from fact.load_run
         where source = @source and period = @period and status = 'succeeded'
         order by load_run_id desc
         limit 1) as digest;
