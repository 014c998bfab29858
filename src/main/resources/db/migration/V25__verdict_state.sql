-- A resolution's state: PROVISIONAL for hindsight.verdict.dispute-window after it is recorded, then FINAL (the
-- verdict-finalisation job). final_at is the moment it becomes, or became, FINAL. Both null while unresolved.
alter table prediction add column verdict_state varchar(12);
alter table prediction add column final_at timestamp with time zone;

-- Resolutions recorded before had no window: they are FINAL, since they were recorded.
update prediction set verdict_state = 'FINAL', final_at = coalesce(resolved_at, updated_at) where status = 'RESOLVED';

-- The job's scan: provisional verdicts by the moment they become final.
create index ix_prediction_verdict_due on prediction (verdict_state, final_at);
