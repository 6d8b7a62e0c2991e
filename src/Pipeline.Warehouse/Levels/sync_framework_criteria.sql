-- Makes fact.framework_criterion hold exactly the criteria given for @framework (arrays in the framework's order);
-- unchanged rows are not rewritten.
with given as (
    select * from unnest(@codes::text[], @positions::int[], @scopes::text[], @groups::text[], @names::text[], @units::text[], @measures::text[])
                  as g(criterion, position, scope, grp, name, unit, measure)
), removed as (
    delete from fact.framework_criterion f
     where f.framework = @framework and not exists (select 1 from given g where g.criterion = f.criterion)
)
insert into fact.framework_criterion (framework, criterion, position, scope, grp, name, unit, measure)
select @framework, criterion, position, scope, grp, name, unit, measure from given
on conflict (framework, criterion) do update
   set position = excluded.position, scope = excluded.scope, grp = excluded.grp, name = excluded.name,
       unit = excluded.unit, measure = excluded.measure
 where (fact.framework_criterion.position, fact.framework_criterion.scope, fact.framework_criterion.grp, fact.framework_criterion.name,
        fact.framework_criterion.unit, fact.framework_criterion.measure)
       is distinct from (excluded.position, excluded.scope, excluded.grp, excluded.name, excluded.unit, excluded.measure);
