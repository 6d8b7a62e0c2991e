-- The values that count (resolved_values, resolved_years), and Decision 2361's commune criteria read from them.
-- Since issue 27 the views are defined in sql/repeatable/ (applied after the numbered migrations); this file keeps
-- the drop of the sql/0006 view, whose columns changed. Warehouses that applied the earlier text:
-- sql/rewritten-checksums.txt.

-- A warehouse that applied sql/0006 before issue 27 has the old view; a fresh one never had it.
drop view if exists analytics.criterion_inputs_qd2361;
