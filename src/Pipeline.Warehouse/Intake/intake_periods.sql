select distinct period from intake.record where source = @source;
