-- The criteria of a framework (@framework) that a system measures: no attestation is taken for them.
select criterion from fact.criterion_source where framework = @framework order by criterion;
