-- Rows per measure, period and status (agreed rows are compared values that did not conflict).
select measure, period,
       count(*) filter (where status = 'agreed')::int as agreed,
       count(*) filter (where status = 'settled')::int as settled,
       count(*) filter (where status = 'open')::int as open,
       count(*) filter (where status = 'resolved')::int as resolved,
       count(*) filter (where status = 'withdrawn')::int as withdrawn
  from fact.reconciliation
 group by measure, period
 order by period desc, measure;
