-- The (era, province) pairs a role (or a role it belongs to) may see; security definer so the views can ask without
-- the analyst reading ref. Only read for scoped roles (analytics.is_scoped).
create or replace function analytics.visible_provinces(reader text) returns table (era smallint, province_code text)
language sql stable security definer set search_path = pg_catalog, ref as $$
    select distinct s.era, s.province_code from ref.analyst_scope s join pg_roles r on r.rolname = s.role_name
     where pg_has_role(reader, s.role_name, 'member')
$$;
revoke all on function analytics.visible_provinces(text) from public;
grant execute on function analytics.visible_provinces(text) to pipeline_analyst, pipeline_steward, pipeline_loader;
