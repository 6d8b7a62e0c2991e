-- The stored rows of the measures (@measures) for one period (@period), locked until the detector commits so a
-- steward's decision cannot slip in between the read and the write.
select reconciliation_id, era, unit_code, measure, status, candidates::text as candidates, chosen::text as chosen
  from fact.reconciliation
 where period = @period and measure = any(@measures)
   for update;
