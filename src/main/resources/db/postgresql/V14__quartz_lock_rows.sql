-- Quartz's row locks, there from the start. Otherwise the first replicas to start on a new database each insert
-- them, and when two start at once one gets a duplicate key and fails to start (seen in SeedRevisionIT).
-- 'QuarkusQuartzScheduler' is quarkus.quartz.instance-name's default; a deployment that changes it gets its rows
-- inserted by Quartz as before.
insert into qrtz_locks (sched_name, lock_name) values ('QuarkusQuartzScheduler', 'TRIGGER_ACCESS')
    on conflict do nothing;
insert into qrtz_locks (sched_name, lock_name) values ('QuarkusQuartzScheduler', 'STATE_ACCESS')
    on conflict do nothing;
