-- The 2361 criterion values of one map (@era) and assessment year (@year), measured or attested, in evaluate's
-- IN.csv order.
select unit_code, criterion, value, denominator, low, high
  from analytics.criterion_values_qd2361
 where era = @era and year = @year
 order by unit_code, criterion;
