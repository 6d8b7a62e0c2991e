-- One detection per period at a time, until this transaction ends: detectors of different sources that share a
-- measure (the portal's and EMC's jobs run on separate queues) would otherwise plan over each other's rows.
select pg_advisory_xact_lock(hashtext('reconcile'), hashtext(@period))
