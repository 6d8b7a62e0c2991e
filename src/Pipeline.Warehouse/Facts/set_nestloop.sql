-- Nested loops on or off for the rest of the transaction (FactMergeStatement says why the merge turns them off).
select set_config('enable_nestloop', @enabled, true)
