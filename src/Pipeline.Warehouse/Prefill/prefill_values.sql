-- The 2361 criterion values (measured or attested) of the 2025 communes in scope (@province or all) for @year.
select v.unit_code, v.criterion, v.value, v.denominator, v.status, v.simulated, v.origin, v.sources, v.resolution,
       v.evidence_url, v.attested_by, v.attested_at, v.low, v.high
  from analytics.criterion_values_qd2361 v
  join ref.admin_unit u on u.era = 2025 and u.code = v.unit_code
 where v.era = 2025 and v.year = @year and (@province::text is null or u.province_code = @province);
