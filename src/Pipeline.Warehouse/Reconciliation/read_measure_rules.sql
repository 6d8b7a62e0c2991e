-- The same_quantity measures a source takes part in, with their tolerances and precedence policy (@source). Parts
-- measures are combined, never compared (sql/0015).
select m.measure, m.absolute_tolerance, m.relative_tolerance, m.policy, array_to_string(m.source_order, ',') as source_order, m.steward_above
  from fact.measure m
 where m.kind = 'same_quantity'
   and exists (select 1 from fact.measure_member mm where mm.measure = m.measure and mm.source = @source and mm.role = 'compared')
 order by m.measure;
