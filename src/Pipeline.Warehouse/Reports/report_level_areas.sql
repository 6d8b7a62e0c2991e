-- Communes per level and per attainable level of one evaluation (@framework, @era, @year), per province and, on the
-- 2024 map, per district too. `communes` counts every commune of the area, `evaluated` those with a stored level, so
-- a partial evaluation shows as one; an area appears once at least one of its communes has a level.
with communes as (
    select u.province_code, u.province_name, u.district_code, u.district_name, l.level, l.attainable_level
      from analytics.admin_units u
      left join fact.level l on l.framework = @framework and l.era = u.era and l.unit_code = u.code and l.year = @year
     where u.era = @era and u.level = 'commune'
)
select province_code, province_name, district_code, district_name,
       count(*)::int as communes,
       count(level)::int as evaluated,
       count(*) filter (where level = 0)::int as level_0,
       count(*) filter (where level = 1)::int as level_1,
       count(*) filter (where level = 2)::int as level_2,
       count(*) filter (where level = 3)::int as level_3,
       count(*) filter (where level = 4)::int as level_4,
       count(*) filter (where level = 5)::int as level_5,
       count(*) filter (where attainable_level = 0)::int as attainable_0,
       count(*) filter (where attainable_level = 1)::int as attainable_1,
       count(*) filter (where attainable_level = 2)::int as attainable_2,
       count(*) filter (where attainable_level = 3)::int as attainable_3,
       count(*) filter (where attainable_level = 4)::int as attainable_4,
       count(*) filter (where attainable_level = 5)::int as attainable_5
  from communes
 group by grouping sets ((province_code, province_name), (province_code, province_name, district_code, district_name))
-- 2025 communes have no district: their per-district set would repeat each province with a null district.
having count(level) > 0 and (grouping(district_code) = 1 or district_code is not null)
 order by province_code, district_code nulls first;
