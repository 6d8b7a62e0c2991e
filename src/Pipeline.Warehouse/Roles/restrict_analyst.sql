-- Gives @role the scope of 2025 province @province: that province, and for 2024-era data the old provinces merged
-- into it (whole provinces merged in 2025, so each old one belongs to one new one). Returns the pairs added.
with provinces as (
    select 2025::smallint as era, @province::text as province_code
    union
    select distinct 2024::smallint, o.province_code
      from ref.crosswalk c
      join ref.admin_unit n on n.era = 2025 and n.code = c.new_commune_code
      join ref.admin_unit o on o.era = 2024 and o.code = c.old_commune_code
     where n.province_code = @province
)
insert into ref.analyst_scope (role_name, era, province_code, granted_by, granted_at)
select @role, era, province_code, @granted_by, @now from provinces
on conflict do nothing
returning era, province_code;
