select count(*)::int from intake.record where source = @source and unit_key_kind = @unit_key_kind and unit_key = @unit_key;
