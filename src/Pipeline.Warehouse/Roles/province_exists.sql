-- Scopes are given in 2025 provinces (restrict_analyst.sql adds the old provinces merged into one).
select exists (select 1 from ref.admin_unit where era = 2025 and level = 'province' and code = @province)
