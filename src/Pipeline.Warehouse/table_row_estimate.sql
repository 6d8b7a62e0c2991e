-- The planner's row count of one table: reltuples is -1 (never analysed) or the count at the last analyse.
select greatest(reltuples, 0)::float8 from pg_class where oid = @table::regclass
