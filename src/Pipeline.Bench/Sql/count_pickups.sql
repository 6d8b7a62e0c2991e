select count(*) from bench.pickup
