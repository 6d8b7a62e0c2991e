-- What the steward page's filters offer: provinces, measures and periods that have conflicts.
select 'province' as kind, u.province_code as code, min(p.name) as name
  from fact.reconciliation r
  join ref.admin_unit u on u.era = r.era and u.code = r.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
 where r.status in ('settled', 'open', 'resolved')
 group by u.province_code
union all
select 'measure', m.measure, m.title
  from fact.measure m
 where exists (select 1 from fact.reconciliation r where r.measure = m.measure and r.status in ('settled', 'open', 'resolved'))
union all
select distinct 'period', r.period, r.period
  from fact.reconciliation r
 where r.status in ('settled', 'open', 'resolved')
 order by 1, 2 desc;
