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

-- Since issue 27 the views (internal.* and the filtered analytics.* of the same name) and the functions is_scoped and
-- visible_provinces are defined in sql/repeatable/; this file keeps the schema, the tables, the grants and the moves
-- of the earlier views. Warehouses that applied the earlier text: sql/rewritten-checksums.txt.

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

-- The existing views move behind the filter, definitions unchanged (dependent views follow them). Only a warehouse
-- that applied sql/0005-0010 before issue 27 has them; on a fresh one these do nothing.
alter view if exists analytics.indicator_values set schema internal;
alter view if exists analytics.indicator_years set schema internal;
alter view if exists analytics.indicator_values_2025_units set schema internal;
alter view if exists analytics.resolved_values set schema internal;
alter view if exists analytics.resolved_years set schema internal;
alter view if exists analytics.criterion_inputs_qd2361 set schema internal;
alter view if exists analytics.criterion_values_qd2361 set schema internal;
alter view if exists analytics.levels set schema internal;

-- What the moved views carried from schema analytics.
revoke all on all tables in schema internal from pipeline_analyst;
grant select on all tables in schema internal to pipeline_loader, pipeline_steward;
