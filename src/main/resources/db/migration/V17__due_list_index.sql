-- The review desk pages the DUE predictions by (next review date, key) (prediction/DueList.java). With the key in the
-- index, a page is read from it in order and stops when full, instead of sorting the predictions of its first day
-- (thousands when a bulk import's targets end on the same day). The index begins with the columns of
-- ix_prediction_review, so it serves the due scan's look-ups as well and replaces it (with both, H2 picked the older).
create index ix_prediction_review_key on prediction (status, next_review_on, slug);
drop index ix_prediction_review;
