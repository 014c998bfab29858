-- Outcome VOID (a prediction that should not count) carries why: CONDITION_NOT_MET or MISCAPTURED; null otherwise.
alter table prediction add column void_reason varchar(24);
