-- The province of a 2025 commune (@unit_code), or nothing.
select province_code from ref.admin_unit where era = 2025 and level = 'commune' and code = @unit_code;
