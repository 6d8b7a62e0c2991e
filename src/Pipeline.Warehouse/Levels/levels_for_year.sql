select unit_code, province_code, province_name, level, attainable_level, blocking, missing, undetermined
  from analytics.levels
 where framework = @framework and era = @era and year = @year
 order by unit_code;
