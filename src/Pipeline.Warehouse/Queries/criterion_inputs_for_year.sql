-- The 2361 commune criterion values of one assessment year, in evaluate's IN.csv order.
select unit_code, criterion, value, denominator
  from analytics.criterion_inputs_qd2361
 where year = @year
 order by unit_code, criterion;
