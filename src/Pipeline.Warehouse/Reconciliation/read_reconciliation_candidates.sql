-- Every current fact of the measures (@measures) for one period (@period), in a stable order per unit and measure.
select v.era, v.unit_code, mm.measure, v.source, v.stream, v.indicator,
       v.numerator, v.denominator, v.value, v.value_unit, v.complete, v.simulated, v.revision
  from fact.value v
  join fact.measure_member mm on mm.source = v.source and mm.indicator = v.indicator
 where v.period = @period and mm.measure = any(@measures)
 order by v.era, v.unit_code, mm.measure, v.source collate "C", v.stream collate "C";
