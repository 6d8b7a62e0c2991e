select exists (select 1 from fact.level where framework = @framework and era = @era and year = @year);
