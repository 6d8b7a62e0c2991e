-- The 2361 commune criterion values of one assessment year, measured or attested, in evaluate's IN.csv order.
select unit_code, criterion, value, denominator
  from analytics.criterion_values_qd2361
 where year = @year
 order by unit_code, criterion;
