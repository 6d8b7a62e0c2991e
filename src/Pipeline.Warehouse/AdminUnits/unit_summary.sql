-- Units per era and level, for the demo and `pipeline units summary`.
select era, level, count(*) as units
from ref.admin_unit
group by era, level
order by era, case level when 'province' then 1 when 'district' then 2 else 3 end;
