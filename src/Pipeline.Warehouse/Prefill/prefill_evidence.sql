-- For each measured 2361 criterion of the communes in scope (@province or all) in @year: the date its data is as
-- of, whether a value it rests on waits for a steward, and the evidence: every fact used (flows: each period of the
-- year; stocks: the latest) with its raw record references and the SHA-256 of the payload each came in.
with scope as (
    select code as unit_code
      from ref.admin_unit
     where era = 2025 and level = 'commune' and (@province::text is null or province_code = @province)
), used as (
    select s.criterion, rv.unit_code, rv.source, rv.stream, rv.indicator, rv.period, rv.period_end, rv.pending, i.folding,
           max(rv.period_end) over (partition by s.criterion, rv.unit_code, rv.measure) as latest
      from fact.criterion_source s
      join analytics.resolved_values rv on rv.measure = any(s.measures)
      join scope on scope.unit_code = rv.unit_code
      left join fact.indicator i on i.indicator = rv.indicator
     where s.framework = 'qd2361' and rv.era = 2025 and extract(year from rv.period_end) = @year
), facts as (
    select u.*, v.record_refs
      from used u
      left join fact.value v on v.source = u.source and v.stream = u.stream and v.era = 2025 and v.unit_code = u.unit_code
                            and v.indicator = u.indicator and v.period = u.period
     where u.folding = 'flow' or u.period_end = u.latest or u.pending
)
select f.unit_code, f.criterion, max(f.period_end) as as_of, bool_or(f.pending) as pending,
       string_agg(format('%s/%s %s %s: %s (sha256 %s)', f.source, f.stream, f.indicator, f.period, r.ref, encode(p.sha256, 'hex')), '; '
                  order by f.source, f.stream, f.indicator, f.period, r.ref) filter (where r.ref is not null) as evidence
  from facts f
  left join lateral unnest(f.record_refs) as r(ref) on true
  left join intake.payload p on p.payload_id = substring(r.ref from '^payload (\d+):')::bigint
 group by f.unit_code, f.criterion;
