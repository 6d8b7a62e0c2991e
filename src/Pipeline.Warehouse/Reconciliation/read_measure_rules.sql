-- The measures a source takes part in, with their tolerances and precedence policy (@source).
select m.measure, m.absolute_tolerance, m.relative_tolerance, m.policy, array_to_string(m.source_order, ',') as source_order, m.steward_above
  from fact.measure m
 where exists (select 1 from fact.measure_member mm where mm.measure = m.measure and mm.source = @source)
 order by m.measure;
