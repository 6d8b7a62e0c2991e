-- db status reads a warehouse that may never have been migrated: which of the migrator's own tables exist.
select to_regclass('public.schema_version') is not null as has_versions,
       to_regclass('public.schema_repeatable') is not null as has_repeatables
