-- Roles and schemas every later migration builds on.
--
-- Roles are cluster-wide and have no IF NOT EXISTS, and two databases on one cluster (tests, a staging copy) may
-- migrate at the same moment: create each one only when missing and treat a concurrent creation as done.
-- They are NOLOGIN groups: a deployment grants them to its own login users (see README, "Roles").
do $$
declare
    role_name text;
begin
    foreach role_name in array array['pipeline_loader', 'pipeline_steward', 'pipeline_analyst'] loop
        if not exists (select 1 from pg_roles where rolname = role_name) then
            begin
                execute format('create role %I nologin', role_name);
            exception when duplicate_object or unique_violation then
                null;
            end;
        end if;
    end loop;
    execute format('grant connect on database %I to pipeline_loader, pipeline_steward, pipeline_analyst', current_database());
end
$$;

comment on role pipeline_loader is 'Loads reference data and source facts (connectors, nightly jobs).';
comment on role pipeline_steward is 'Resolves conflicts, fixes quarantined rows and code mappings.';
comment on role pipeline_analyst is 'Read-only: the documented views in schema analytics, nothing else.';

-- ref: administrative units of both eras, the crosswalk, population. Written by the loader only.
create schema ref;
comment on schema ref is 'Reference data: administrative units of both eras, crosswalk, population.';

-- analytics: the views analysts query. The only schema pipeline_analyst can see.
create schema analytics;
comment on schema analytics is 'Documented read-only views for analysts.';

-- Since PostgreSQL 15 public is closed to CREATE; close it to everything for our roles too.
revoke all on schema public from pipeline_analyst;

grant usage on schema ref to pipeline_loader, pipeline_steward;
grant usage on schema analytics to pipeline_loader, pipeline_steward, pipeline_analyst;
