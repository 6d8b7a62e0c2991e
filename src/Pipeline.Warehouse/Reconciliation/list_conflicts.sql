-- Conflicts (settled, open and resolved rows, or one @status) with unit names and each source's value, filtered by
-- @province (code of the row's era), @measure and @period when given; newest period first.
select r.reconciliation_id as id, r.era, r.unit_code, u.name as unit_name, u.province_code, p.name as province_name,
       r.measure, r.period, r.status, r.reason, r.spread, round(r.relative_spread, 4) as relative_spread,
       (select string_agg(format('%s/%s=%s%s', c ->> 'source', c ->> 'stream', coalesce(c ->> 'numerator', c ->> 'value'),
                                 case when (c ->> 'complete')::boolean then '' else ' (incomplete)' end), '; ')
          from jsonb_array_elements(r.candidates) c) as source_values,
       (select bool_or((c ->> 'simulated')::boolean) from jsonb_array_elements(r.candidates) c) as simulated,
       case when r.suggestion is not null then format('%s/%s', r.suggestion ->> 'source', r.suggestion ->> 'stream') end as suggestion,
       case when r.chosen is not null
            then format('%s/%s=%s', r.chosen ->> 'source', r.chosen ->> 'stream', coalesce(r.chosen ->> 'numerator', r.chosen ->> 'value'))
       end as chosen,
       r.decided_by, r.decision_note, r.evidence_url, r.changed_at
  from fact.reconciliation r
  join ref.admin_unit u on u.era = r.era and u.code = r.unit_code
  join ref.admin_unit p on p.era = u.era and p.code = u.province_code
 where ((@status::text is null and r.status in ('settled', 'open', 'resolved')) or r.status = @status)
   and (@province::text is null or u.province_code = @province)
   and (@measure::text is null or r.measure = @measure)
   and (@period::text is null or r.period = @period)
 order by r.period desc, u.province_code, r.unit_code, r.measure
 limit @limit;
