-- Every filter of the list has an index in id order within its value, so a page of any filter is read from an
-- index in id order and stops when it is full (prediction/PredictionScan.java). Status and topic have theirs
-- (V1); kind, source and speaker get theirs here. The speaker filter ignores case: it compares a lower-cased
-- copy of the speaker that the application keeps (a portable stand-in for an index on lower(speaker)).
alter table prediction add column speaker_lower varchar(200);
update prediction set speaker_lower = lower(speaker);
alter table prediction alter column speaker_lower set not null;

create index ix_prediction_kind on prediction (kind, id);
create index ix_prediction_source_id on prediction (source_key, id);
create index ix_prediction_speaker_lower on prediction (speaker_lower, id);
-- Superseded by the one above. (ix_prediction_source stays: H2 backs the foreign key to source with it.)
drop index ix_prediction_speaker;
