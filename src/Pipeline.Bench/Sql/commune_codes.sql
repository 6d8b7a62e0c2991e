-- The 2025 communes a bench load may place facts on.
select code from ref.admin_unit where era = 2025 and level = 'commune'
