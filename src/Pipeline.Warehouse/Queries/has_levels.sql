select exists (select 1 from fact.level where framework = @framework and year = @year);
