-- The tables that hang off units are replaced whole by each load (nothing else references them).
delete from ref.crosswalk;
delete from ref.population_2025;
delete from ref.unit_type_change;
delete from ref.population_2019_census;
