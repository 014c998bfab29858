package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/**
 * A request that ran past the transaction timeout is answered 503 with Retry-After, not 500: what the mapper looks for
 * in the cause chain. (Seen for real in src/bench/aggregates.sh at 1M on a busy machine: the commit of a speaker's
 * record computed for over 60 s failed with exactly this.)
 */
class TransactionTimeoutTest {

    @Test
    void theReapersRollbackIsRecognised() {
        assertTrue(ProblemMapper.transactionTimedOut(new RollbackException(
                "ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:9bfd:6b0c0831:89")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.transactionTimedOut(new RollbackException("ARJUNA016053: Could not commit")));
        assertFalse(ProblemMapper.transactionTimedOut(new RollbackException()));
        assertFalse(ProblemMapper.transactionTimedOut(new IllegalStateException("ARJUNA016102")));
    }
}
