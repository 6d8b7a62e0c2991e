select count(*) from ref.admin_unit where era = @era
