insert into ref.crosswalk select * from stage_crosswalk;
insert into ref.population_2025 select * from stage_population_2025;
insert into ref.unit_type_change select * from stage_unit_type_change;
insert into ref.population_2019_census select * from stage_population_2019_census;
select (select count(*) from ref.crosswalk)              as crosswalk_edges,
       (select count(*) from ref.population_2025)        as population_2025_rows,
       (select count(*) from ref.population_2019_census) as census_2019_rows,
       (select count(*) from ref.unit_type_change)       as type_changes;
