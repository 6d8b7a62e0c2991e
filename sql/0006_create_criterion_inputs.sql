-- The values Decision 2361's commune criteria take from the sources: the view criterion_inputs_qd2361 created here was
-- redefined by sql/0009 and sql/0012.
-- Since issue 27 the view is defined in sql/repeatable/ (applied after the numbered migrations). Warehouses that
-- applied the earlier text: sql/rewritten-checksums.txt.

-- Fresh tables have no statistics until autovacuum gets to them; the views plan badly without them.
analyze fact.indicator;
