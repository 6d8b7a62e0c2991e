-- How many rows of each status the measures (@measures) have for one period (@period).
select status, count(*)::int as rows
  from fact.reconciliation
 where period = @period and measure = any(@measures)
 group by status;
