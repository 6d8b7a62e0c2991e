-- Analyst view over the crosswalk. Not filtered by province (reference data).
create or replace view analytics.commune_crosswalk as
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
grant select on analytics.commune_crosswalk to pipeline_analyst, pipeline_steward, pipeline_loader;
