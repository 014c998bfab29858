package app.hindsight.digest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;

/**
 * Where mail goes: to the SMTP server of QUARKUS_MAILER_*, or, while {@code quarkus.mailer.mock} is on (the default,
 * for a service with no SMTP server configured), into the log, links and all, so a confirmation can still be
 * followed. The start says which, once. In the log mode the mailer is not called at all: its own mock keeps every
 * mail in memory, which a service running for months must not.
 */
@ApplicationScoped
public class MailOut {

    /** What one failed attempt says, at most (it is stored with the digest). */
    static final int MAX_ERROR = 1000;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "true")
    boolean logOnly;

    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String host;

    @ConfigProperty(name = "quarkus.mailer.port")
    Optional<Integer> port;

    void onStart(@Observes StartupEvent start) {
        if (logOnly) {
            Log.info("Mail is written to this log, not sent: no SMTP server is configured (quarkus.mailer.mock is "
                    + "on). Set QUARKUS_MAILER_MOCK=false and QUARKUS_MAILER_HOST (with _PORT, _USERNAME, _PASSWORD, "
                    + "_FROM as needed) to send confirmation mails and digests");
        } else {
            Log.infof(
                    "Mail goes to the SMTP server at %s%s",
                    host, port.map(p -> ":" + p).orElse(""));
        }
    }

    /** Sends the mail, or logs it in the log mode; a failure is a {@link NotSent} that says why. */
    public void send(Mail mail) {
        if (logOnly) {
            Log.infof(
                    "Mail to %s not sent (quarkus.mailer.mock is on): %s; Message-ID %s%n%s",
                    String.join(", ", mail.getTo()),
                    mail.getSubject(),
                    String.join(" ", mail.getHeaders().getOrDefault("Message-ID", java.util.List.of("(none)"))),
                    mail.getText());
            return;
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            if (!worthAnotherConnection(e)) {
                throw new NotSent(describe(e));
            }
            // 421: the server closed this connection and asks to try again (RFC 5321 4.2.5), as servers do at their
            // idle timeout or restart; or no answer within quarkus.mailer.timeout, a connection that stalled: once
            // more at once, on a fresh connection, before the failure counts.
            Log.infof("Mail to %s: %s; trying once more", String.join(", ", mail.getTo()), describe(e));
            try {
                mailer.send(mail);
            } catch (RuntimeException again) {
                throw new NotSent(describe(again));
            }
        }
    }

    /**
     * Whether the failure was the connection's, not the mail's: a 421 ("closing transmission channel") or no answer
     * in time.
     */
    static boolean worthAnotherConnection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof SMTPException smtp && smtp.getReplyCode() == 421)
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP server did not take the mail. */
    public static class NotSent extends RuntimeException {
        NotSent(String why) {
            super(why, null, false, false);
        }
    }

    /** A reason a person can read, without stack traces: the innermost messages along the cause chain. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName()
                : root.getMessage();
        String text =
                "the SMTP server did not take the mail: " + message.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
