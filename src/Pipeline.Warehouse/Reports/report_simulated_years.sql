-- Assessment years with at least one fact from a simulator (any source, either map): levels of those years may rest
-- on SIMULATED data and say so wherever they are shown.
select distinct extract(year from period_end)::int as year
  from fact.value
 where simulated
 order by year;
