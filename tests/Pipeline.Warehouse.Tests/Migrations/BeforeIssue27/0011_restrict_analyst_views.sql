-- Row-level security for analysts: a role given a province scope sees, in every analytics view of unit data, only
-- the units of its provinces (for each era, that era's province codes); a role without a scope sees everything.
--
-- How: the views keep their definitions but move to schema `internal` (no analyst may use it), and each analytics
-- view of the same name becomes a security-barrier view over it that keeps the rows of the reader's provinces.
-- Views, not table policies: views read the tables as their owner, so table policies would see the owner, not the
-- analyst; the filter reads `current_user`, which inside a view is still the reader.

create schema internal;
comment on schema internal is 'The analytics views unfiltered: read by the analytics views of the same name, never by analysts.';
grant usage on schema internal to pipeline_loader, pipeline_steward;

create table ref.analyst_scope (
    role_name     text not null,
    era           smallint not null,
    province_code text not null,
    granted_by    text not null,
    granted_at    timestamptz not null,
    primary key (role_name, era, province_code)
);
comment on table ref.analyst_scope is 'Provinces (per era) a database role may see in the analytics views; roles with no row see all.';
grant select, insert, delete on ref.analyst_scope to pipeline_loader;

-- Whether a role (or a role it belongs to) has a scope; and the (era, province) pairs it may see. Security definer so
-- the views can ask without the analyst reading ref; roles since dropped are ignored. The views ask is_scoped first,
-- so visible_provinces is only read for scoped roles.
create function analytics.is_scoped(reader text) returns boolean
language sql stable security definer set search_path = pg_catalog, ref as $$
    select exists (select 1 from ref.analyst_scope s join pg_roles r on r.rolname = s.role_name
                    where pg_has_role(reader, s.role_name, 'member'))
       -- A superuser "belongs" to every role; it is never an analyst.
       and not exists (select 1 from pg_roles where rolname = reader and rolsuper)
$$;

create function analytics.visible_provinces(reader text) returns table (era smallint, province_code text)
language sql stable security definer set search_path = pg_catalog, ref as $$
    select distinct s.era, s.province_code from ref.analyst_scope s join pg_roles r on r.rolname = s.role_name
     where pg_has_role(reader, s.role_name, 'member')
$$;

revoke all on function analytics.is_scoped(text), analytics.visible_provinces(text) from public;
grant execute on function analytics.is_scoped(text), analytics.visible_provinces(text) to pipeline_analyst, pipeline_steward, pipeline_loader;

-- The criteria of each framework, as the nightly job last evaluated them (synced from the framework files, which stay
-- the source): the coverage view needs the criteria nobody gave a value for.
create table fact.framework_criterion (
    framework text not null,
    criterion text not null,
    position  integer not null,
    scope     text not null,
    grp       text not null,
    name      text not null,
    unit      text,
    measure   text not null,
    primary key (framework, criterion)
);
grant select, insert, update, delete on fact.framework_criterion to pipeline_loader;
grant select on fact.framework_criterion to pipeline_steward;

-- The existing views move behind the filter, definitions unchanged (dependent views follow them).
alter view analytics.indicator_values set schema internal;
alter view analytics.indicator_years set schema internal;
alter view analytics.indicator_values_2025_units set schema internal;
alter view analytics.resolved_values set schema internal;
alter view analytics.resolved_years set schema internal;
alter view analytics.criterion_inputs_qd2361 set schema internal;
alter view analytics.criterion_values_qd2361 set schema internal;
alter view analytics.levels set schema internal;

-- Per year, province and commune criterion of Decision 2361: how many communes have an automatic, attested or no
-- value, and how many wait for a steward (a measure the criterion rests on has an open conflict).
create view internal.criterion_coverage_qd2361 as
with communes as (
    select code as unit_code, province_code from ref.admin_unit where era = 2025 and level = 'commune'
), years as (
    select distinct year from fact.level where framework = 'qd2361' and era = 2025
), pending as (
    select distinct rv.unit_code, extract(year from rv.period_end)::int as year, cs.criterion
      from internal.resolved_values rv
      join fact.criterion_source cs on cs.framework = 'qd2361' and rv.measure = any(cs.measures)
     where rv.era = 2025 and rv.pending
), grid as (
    select y.year, c.unit_code, c.province_code, fc.criterion, fc.position
      from years y
     cross join communes c
     cross join fact.framework_criterion fc
     where fc.framework = 'qd2361' and fc.scope = 'commune'
)
select g.year, 2025::smallint as era, g.province_code, p.name as province_name, g.criterion, min(g.position) as position,
       count(*)::int as communes,
       count(*) filter (where v.status = 'automatic')::int as automatic,
       count(*) filter (where v.status = 'attested')::int as attested,
       count(*) filter (where v.status is null and pd.criterion is not null)::int as conflict_pending,
       count(*) filter (where v.status is null and pd.criterion is null)::int as missing
  from grid g
  join ref.admin_unit p on p.era = 2025 and p.code = g.province_code
  left join internal.criterion_values_qd2361 v on v.unit_code = g.unit_code and v.year = g.year and v.criterion = g.criterion
  left join pending pd on pd.unit_code = g.unit_code and pd.year = g.year and pd.criterion = g.criterion
 group by g.year, g.province_code, p.name, g.criterion;
comment on view internal.criterion_coverage_qd2361 is 'Communes per year, province and 2361 commune criterion by where the value comes from.';


-- Views that carry the province: keep the reader's (era, province) pairs.
create view analytics.indicator_values with (security_barrier) as
select * from internal.indicator_values v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));

create view analytics.levels with (security_barrier) as
select * from internal.levels v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));

create view analytics.criterion_coverage_qd2361 with (security_barrier) as
select * from internal.criterion_coverage_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.province_code) in (select era, province_code from analytics.visible_provinces(current_user));

-- Views keyed by unit only: keep the units of the reader's provinces (one lookup per query, not per row).
create view analytics.indicator_years with (security_barrier) as
select * from internal.indicator_years v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);

create view analytics.resolved_values with (security_barrier) as
select * from internal.resolved_values v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);

create view analytics.resolved_years with (security_barrier) as
select * from internal.resolved_years v
 where not (select analytics.is_scoped(current_user))
    or (v.era, v.unit_code) in (select u.era, u.code from ref.admin_unit u
                                  join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code);

-- 2025 communes only.
create view analytics.indicator_values_2025_units with (security_barrier) as
select * from internal.indicator_values_2025_units v
 where not (select analytics.is_scoped(current_user))
    or v.unit_code in (select u.code from ref.admin_unit u
                         join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code
                        where u.era = 2025);

create view analytics.criterion_inputs_qd2361 with (security_barrier) as
select * from internal.criterion_inputs_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or v.unit_code in (select u.code from ref.admin_unit u
                         join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code
                        where u.era = 2025);

create view analytics.criterion_values_qd2361 with (security_barrier) as
select * from internal.criterion_values_qd2361 v
 where not (select analytics.is_scoped(current_user))
    or v.unit_code in (select u.code from ref.admin_unit u
                         join analytics.visible_provinces(current_user) p on p.era = u.era and p.province_code = u.province_code
                        where u.era = 2025);

revoke all on all tables in schema internal from pipeline_analyst;
grant select on all tables in schema internal to pipeline_loader, pipeline_steward;
grant select on analytics.indicator_values, analytics.levels, analytics.criterion_coverage_qd2361, analytics.indicator_years,
                analytics.resolved_values, analytics.resolved_years, analytics.indicator_values_2025_units,
                analytics.criterion_inputs_qd2361, analytics.criterion_values_qd2361
    to pipeline_analyst, pipeline_steward, pipeline_loader;
