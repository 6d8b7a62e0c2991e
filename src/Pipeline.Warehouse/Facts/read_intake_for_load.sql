-- The current intake records of one source and period, with the run that last changed each (its lineage, and
-- whether it came from a simulator).
select r.stream, r.unit_key_kind, r.unit_key, r.unit_label, r.indicator, r.numerator, r.denominator, r.value,
       r.value_unit, r.payload_id, r.record_ref, r.last_changed_run_id, run.simulated
  from intake.record r
  join intake.run run on run.run_id = r.last_changed_run_id
 where r.source = @source and r.period = @period;
