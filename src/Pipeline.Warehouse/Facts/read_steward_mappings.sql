select unit_key_kind, unit_key, era, unit_code, method, label
  from fact.unit_mapping
 where source = @source and method = 'steward';
