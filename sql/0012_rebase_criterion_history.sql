-- History on both maps. The criterion values of Decision 2361 gain an `era`: the map they are expressed on.
-- - 2025 map: every assessment year, 2024-era periods included, rebased onto 2025 communes as SPEC section 4 says
--   (counts summed over predecessors; a split without a primary target is not divided and makes the communes it
--   touches incomplete). This is the trend across years on 2025 units.
-- - 2024 map: assessment years up to 2024 on the communes (and districts) of their time.

-- Since issue 27 the views and functions this file created or replaced are defined in sql/repeatable/; it keeps the
-- statistics, the grants and the drops of the views whose columns changed. Warehouses that applied the earlier
-- text: sql/rewritten-checksums.txt.

-- A year of fact.value or fact.reconciliation is extract(year from period_end): statistics on that expression let the
-- planner see that a year's filter keeps most rows of a map (without them it guessed 0.5% and probed the
-- reconciliations once per fact: 310,908 index scans for one year's criterion values).
create statistics fact.value_year on ((extract(year from period_end))::integer) from fact.value;
create statistics fact.reconciliation_year on ((extract(year from period_end))::integer) from fact.reconciliation;

-- The criterion chain is rebuilt with its era (dependents first). Only a warehouse that applied sql/0010-0011 before
-- issue 27 has the old views; on a fresh one these do nothing.
drop view if exists analytics.criterion_coverage_qd2361;
drop view if exists internal.criterion_coverage_qd2361;
drop view if exists analytics.criterion_values_qd2361;
drop view if exists internal.criterion_values_qd2361;
drop view if exists analytics.criterion_inputs_qd2361;
drop view if exists internal.criterion_inputs_qd2361;

revoke all on all tables in schema internal from pipeline_analyst;
grant select on all tables in schema internal to pipeline_loader, pipeline_steward;
