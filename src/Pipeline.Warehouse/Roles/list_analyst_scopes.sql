-- Every scoped role with its provinces as one 'era:code' list, newest era first.
select role_name, string_agg(era || ':' || province_code, ' ' order by era desc, province_code)
  from ref.analyst_scope
 group by role_name
 order by role_name
