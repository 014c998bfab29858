-- The list's sort orders (madeOn, targetDate, nextReview, updated; prediction/store/SortedScan.java): each date with
-- the id, the tie-break, so that a page in either direction is read from the index in order and stops when full
-- instead of sorting every prediction. The next-review index also drives the nextReviewFrom/nextReviewTo window.
create index ix_prediction_made_on on prediction (made_on, id);
create index ix_prediction_target_date on prediction (target_date, id);
create index ix_prediction_next_review on prediction (next_review_on, id);
create index ix_prediction_updated on prediction (updated_at, id);
