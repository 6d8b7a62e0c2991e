-- Staging for one admin-units load; dropped with the transaction.
create temp table stage_admin_unit (like ref.admin_unit) on commit drop;
create temp table stage_crosswalk (like ref.crosswalk including defaults) on commit drop;
create temp table stage_population_2025 (like ref.population_2025 including defaults) on commit drop;
create temp table stage_population_2019_census (like ref.population_2019_census) on commit drop;
create temp table stage_unit_type_change (like ref.unit_type_change including defaults) on commit drop;
