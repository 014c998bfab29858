package app.hindsight.digest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** Which failures are the connection's (worth one more try on a fresh one) and which the mail's: plain code. */
class MailOutTest {

    @Test
    void aClosedChannelOrNoAnswerInTimeIsTheConnectionsAnythingElseTheMails() {
        SMTPException closing = new SMTPException("closing", 421, List.of("421 closing"), false);
        assertTrue(MailOut.worthAnotherConnection(closing));
        assertTrue(MailOut.worthAnotherConnection(new RuntimeException(closing)));
        assertTrue(MailOut.worthAnotherConnection(new io.smallrye.mutiny.TimeoutException()));
        assertFalse(MailOut.worthAnotherConnection(
                new SMTPException("no such user", 550, List.of("550 no such user"), false)));
        assertFalse(MailOut.worthAnotherConnection(new SMTPException("mailbox busy", 450, List.of("450 busy"), false)));
        assertFalse(MailOut.worthAnotherConnection(new IllegalStateException("refused")));
    }
}
