-- The units of a reader's provinces, for the filtered views keyed by unit only.
create or replace function analytics.visible_units(reader text) returns table (era smallint, unit_code text)
language sql stable security definer set search_path = pg_catalog, ref as $$
    select u.era, u.code from ref.admin_unit u
      join analytics.visible_provinces(reader) p on p.era = u.era and p.province_code = u.province_code
$$;
revoke all on function analytics.visible_units(text) from public;
grant execute on function analytics.visible_units(text) to pipeline_analyst, pipeline_steward, pipeline_loader;
