-- The psql baseline's table, emptied before each timed copy.
truncate bench.csv_fact
