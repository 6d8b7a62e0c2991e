-- Where a stream of this run's source and period stopped: the position its last committed page recorded.
select position from intake.cursor where source = @source and stream = @stream and period = @period
