package app.hindsight.notify;

/** A delivery waits (PENDING) until a receiver answers 2xx (DELIVERED) or its retries run out (FAILED). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
