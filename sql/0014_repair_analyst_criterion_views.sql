-- Analysts could not read the 2361 criterion views (criterion_inputs, criterion_values, criterion_coverage): since
-- sql/0012 they call internal.criterion_inputs_qd2361, and a function runs with its caller's rights while a view
-- runs with its owner's, so the function's reads of schema internal were refused to every analyst ("permission
-- denied for schema internal"; found by the reliability suite's province-scope test). The function now runs as its
-- owner, like the views around it; the analytics views still filter its rows by the reader's provinces, and
-- analysts still cannot call it directly (no usage on schema internal). Same rows as before; on a two-province demo
-- warehouse, reading a year's criterion values took 0.18 s instead of 5.3 s (the function is planned on its own now,
-- with the map and year as parameters, instead of being inlined into the caller's query).
alter function internal.criterion_inputs_qd2361(smallint, integer) security definer set search_path = pg_catalog;
revoke all on function internal.criterion_inputs_qd2361(smallint, integer) from public;
grant execute on function internal.criterion_inputs_qd2361(smallint, integer) to pipeline_analyst, pipeline_steward, pipeline_loader;
