-- The 2025 communes in scope (@province or all) with their province, and their stored level for @year if any.
select u.code as unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       l.level, l.attainable_level, array_to_string(l.blocking, ';') as blocking, array_to_string(l.missing, ';') as missing,
       array_to_string(l.undetermined, ';') as undetermined
  from ref.admin_unit u
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
  left join fact.level l on l.framework = 'qd2361' and l.era = u.era and l.unit_code = u.code and l.year = @year
 where u.era = 2025 and u.level = 'commune' and (@province::text is null or u.province_code = @province)
 order by u.code;
