package app.hindsight.digest;

/**
 * A digest waits (PENDING) until the SMTP server takes it (SENT) or its retries run out (FAILED); one whose
 * subscriber left before it went out is CANCELLED.
 */
public enum DigestStatus {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
}
