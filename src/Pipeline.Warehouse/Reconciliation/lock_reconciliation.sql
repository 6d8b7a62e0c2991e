-- One row (@id), locked until the decision commits.
select reconciliation_id, status, candidates::text as candidates, chosen::text as chosen
  from fact.reconciliation
 where reconciliation_id = @id
   for update;
