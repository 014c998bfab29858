package app.hindsight.notify;

/**
 * What one delivery round did: attempts made, and how each ended. {@code inFlight}: attempts still under way
 * when the round's budget ran out (slow receivers); they are recorded when they end, and counted by no round.
 */
public record DeliveryRound(int attempted, int delivered, int retried, int failed, int inFlight) {}
