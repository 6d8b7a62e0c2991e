-- For the rest of this transaction, give up on a lock that is not free within 50 ms (TableStatistics.UnlessBusyAsync).
set local lock_timeout = '50ms'
