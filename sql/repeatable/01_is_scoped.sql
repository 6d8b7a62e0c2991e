-- Whether a role (or a role it belongs to) has a scope; and the (era, province) pairs it may see. Security definer so
-- the views can ask without the analyst reading ref; roles since dropped are ignored. The views ask is_scoped first,
-- so visible_provinces is only read for scoped roles.
create or replace function analytics.is_scoped(reader text) returns boolean
language sql stable security definer set search_path = pg_catalog, ref as $$
    select exists (select 1 from ref.analyst_scope s join pg_roles r on r.rolname = s.role_name
                    where pg_has_role(reader, s.role_name, 'member'))
       -- A superuser "belongs" to every role; it is never an analyst.
       and not exists (select 1 from pg_roles where rolname = reader and rolsuper)
$$;
revoke all on function analytics.is_scoped(text) from public;
grant execute on function analytics.is_scoped(text) to pipeline_analyst, pipeline_steward, pipeline_loader;
