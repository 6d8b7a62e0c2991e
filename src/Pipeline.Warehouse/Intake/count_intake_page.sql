update intake.run
   set pages_landed = pages_landed + @landed,
       pages_unchanged = pages_unchanged + @unchanged,
       records_read = records_read + @read,
       records_inserted = records_inserted + @inserted,
       records_revised = records_revised + @revised,
       records_unchanged = records_unchanged + @read - @inserted - @revised,
       quarantined = quarantined + @quarantined,
       payloads_rejected = payloads_rejected + @rejected
 where run_id = @run_id;
