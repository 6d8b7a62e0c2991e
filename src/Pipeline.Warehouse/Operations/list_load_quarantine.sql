select source, stream, period, unit_key_kind, unit_key, unit_label, indicator, reason,
       array_to_string(candidates, ';') as candidates, detail
  from fact.quarantine
 where released_at is null
   and (@source::text is null or source = @source)
   and (@reason::text is null or reason = @reason)
 order by source, period, stream, unit_key, indicator
 limit @limit;
