-- The evaluations a levels framework (@framework) has stored: each map and assessment year, newest first, with
-- when it was last evaluated.
select era, year, max(evaluated_at) as evaluated_at
  from fact.level
 where framework = @framework
 group by era, year
 order by year desc, era desc;
