-- Analyst view over the reference data. Era is always a column: a code alone is ambiguous across eras. Not filtered
-- by province (reference data).
create or replace view analytics.admin_units as
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
grant select on analytics.admin_units to pipeline_analyst, pipeline_steward, pipeline_loader;
