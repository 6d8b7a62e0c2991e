-- Earlier values the sources gave for one compared value (@id): revised or withdrawn, with when each was loaded and
-- the load run that replaced it; newest first.
select vr.source, vr.stream, vr.indicator, vr.revision, vr.numerator, vr.denominator, vr.value, vr.change,
       vr.loaded_at, vr.replaced_by_run
  from fact.reconciliation r
  join fact.measure_member mm on mm.measure = r.measure
  join fact.value_revision vr on vr.source = mm.source and vr.indicator = mm.indicator
                             and vr.era = r.era and vr.unit_code = r.unit_code and vr.period = r.period
 where r.reconciliation_id = @id
 order by vr.loaded_at desc, vr.source, vr.stream;
