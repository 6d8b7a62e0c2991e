-- Order-independent checksum of the facts (of one source, or all): their keys and values, and with @lineage also
-- the run that wrote each row and when, so a reload that rewrote a row changes it. Without @lineage it compares two
-- databases (a clean and a faulted pull), whose run ids differ.
select count(*)::bigint as rows,
       coalesce(sum(hashtextextended(concat_ws('|', source, stream, era, unit_code, indicator, period, numerator,
                                              denominator, value, value_unit, complete, simulated, unit_keys::text,
                                              case when @lineage then concat_ws('|', revision, load_run_id, loaded_at) end), 0)::numeric), 0)::text as checksum
  from fact.value
 where @source::text is null or source = @source;
