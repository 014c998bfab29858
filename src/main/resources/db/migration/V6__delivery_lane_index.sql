-- Delivery claims a subscription's due deliveries at a time (its lane), oldest due first. Without this index
-- the claim of one subscription reads through the due deliveries of all the others.
create index ix_delivery_lane on webhook_delivery (webhook_id, status, next_attempt_at, id);
