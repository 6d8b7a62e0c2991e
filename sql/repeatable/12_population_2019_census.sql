-- Analyst view over the 2019 census. Not filtered by province (reference data).
create or replace view analytics.population_2019_census as
select level, code_2019, province_name, district_name, commune_name, match_method, code_exists_2025_06,
       population_total, population_urban, population_rural, households_total, households_urban, households_rural
from ref.population_2019_census;
comment on view analytics.population_2019_census is '2019 census on 2019 units; code_2019 matched by name.';
grant select on analytics.population_2019_census to pipeline_analyst, pipeline_steward, pipeline_loader;
