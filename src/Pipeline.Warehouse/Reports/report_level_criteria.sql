-- Why communes of one evaluation (@framework, @era, @year) stay below their next level: per criterion, how many are
-- blocked by it (measured and not met) and how many lack its value (no source measures it yet), over all communes
-- (province_code null), per province (district_code null) and, on the 2024 map, per district.
with criteria as (
    select u.province_code, u.district_code, c.criterion, c.blocking
      from fact.level l
      join analytics.admin_units u on u.era = l.era and u.code = l.unit_code and u.level = 'commune'
     cross join lateral (
           select b, true from unnest(l.blocking) b
            union all
           select m, false from unnest(l.missing) m
           ) c (criterion, blocking)
     where l.framework = @framework and l.era = @era and l.year = @year
)
select province_code, district_code, criterion,
       count(*) filter (where blocking)::int as blocking,
       count(*) filter (where not blocking)::int as missing
  from criteria
 group by grouping sets ((criterion), (province_code, criterion), (province_code, district_code, criterion))
having grouping(district_code) = 1 or district_code is not null
 order by province_code nulls first, district_code nulls first, blocking desc, missing desc, criterion;
