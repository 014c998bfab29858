-- The due scan's reminders look for OPEN predictions whose dueAt falls in the next lead time. Without this
-- index H2 walks every OPEN prediction through (status, id), so the scan grew with the table.
create index ix_prediction_status_due on prediction (status, due_at);
