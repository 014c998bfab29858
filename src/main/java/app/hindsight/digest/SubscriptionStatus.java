package app.hindsight.digest;

/** PENDING until its confirmation link is used, ACTIVE after, UNSUBSCRIBED once its subscriber left. */
public enum SubscriptionStatus {
    PENDING,
    ACTIVE,
    UNSUBSCRIBED
}
