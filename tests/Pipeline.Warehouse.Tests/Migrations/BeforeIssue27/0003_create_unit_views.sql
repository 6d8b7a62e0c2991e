-- Analyst views over the reference data. Era is always a column: a code alone is ambiguous across eras.

create view analytics.admin_units as
select u.era,
       u.code,
       u.name,
       u.type,
       u.level,
       u.parent_code,
       u.province_code,
       p.name as province_name,
       u.district_code,
       d.name as district_name,
       pop.population as population_2025
from ref.admin_unit u
join ref.admin_unit p on p.era = u.era and p.code = u.province_code
left join ref.admin_unit d on d.era = u.era and d.code = u.district_code
left join ref.population_2025 pop on pop.era = u.era and pop.code = u.code;
comment on view analytics.admin_units is 'Every unit of both eras with its province and (2024) district names.';

create view analytics.commune_crosswalk as
select c.old_commune_code,
       c.old_commune_name,
       c.old_district_code,
       c.old_province_code,
       c.new_commune_code,
       c.new_commune_name,
       c.new_province_code,
       c.merge_type,
       c.is_split,
       c.n_new_targets,
       c.primary_target
from ref.crosswalk c;
comment on view analytics.commune_crosswalk is 'Old (2024) commune → new (2025) commune edges; split communes have several.';

create view analytics.population_2019_census as
select level, code_2019, province_name, district_name, commune_name, match_method, code_exists_2025_06,
       population_total, population_urban, population_rural, households_total, households_urban, households_rural
from ref.population_2019_census;
comment on view analytics.population_2019_census is '2019 census on 2019 units; code_2019 matched by name.';

grant select on analytics.admin_units, analytics.commune_crosswalk, analytics.population_2019_census
    to pipeline_analyst, pipeline_steward, pipeline_loader;
