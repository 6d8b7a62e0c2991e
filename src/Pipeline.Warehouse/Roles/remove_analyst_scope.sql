-- The role sees every province again.
delete from ref.analyst_scope where role_name = @role
