package app.hindsight.notify;

/** What one delivery round did: attempts made, and how each ended. */
public record DeliveryRound(int attempted, int delivered, int retried, int failed) {
}
