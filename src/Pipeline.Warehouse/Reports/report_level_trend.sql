-- Communes per level and attainable level of every assessment year evaluated on one map (@framework, @era), over
-- all communes (province_code null) and per province. Only what fact.level holds: a year appears once evaluated.
select l.year, u.province_code, u.province_name,
       count(*)::int as evaluated,
       count(*) filter (where l.level = 0)::int as level_0,
       count(*) filter (where l.level = 1)::int as level_1,
       count(*) filter (where l.level = 2)::int as level_2,
       count(*) filter (where l.level = 3)::int as level_3,
       count(*) filter (where l.level = 4)::int as level_4,
       count(*) filter (where l.level = 5)::int as level_5,
       count(*) filter (where l.attainable_level = 0)::int as attainable_0,
       count(*) filter (where l.attainable_level = 1)::int as attainable_1,
       count(*) filter (where l.attainable_level = 2)::int as attainable_2,
       count(*) filter (where l.attainable_level = 3)::int as attainable_3,
       count(*) filter (where l.attainable_level = 4)::int as attainable_4,
       count(*) filter (where l.attainable_level = 5)::int as attainable_5
  from fact.level l
  join analytics.admin_units u on u.era = l.era and u.code = l.unit_code and u.level = 'commune'
 where l.framework = @framework and l.era = @era
 group by grouping sets ((l.year), (l.year, u.province_code, u.province_name))
 order by l.year, u.province_code nulls first;
