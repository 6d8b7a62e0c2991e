select distinct source, period from fact.quarantine where released_at is null and (@source::text is null or source = @source);
