package app.hindsight.digest;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.PublicAddress;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The mails, as people accept them: a text and an HTML part from the same data (Qute templates under mail/), a
 * Message-ID made from what the mail is (a subscription and period), so a retry carries the same one and a mail
 * system that got the first attempt after all can drop the second; Auto-Submitted, so that vacation responders stay
 * quiet; and on every digest a visible unsubscribe link that is also the one-click List-Unsubscribe of RFC 8058.
 */
@ApplicationScoped
public class DigestMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    @Inject
    PublicAddress address;

    @Inject
    HindsightConfig config;

    @Location("mail/confirmation.txt")
    Template confirmationText;

    @Location("mail/confirmation.html")
    Template confirmationHtml;

    @Location("mail/digest.txt")
    Template digestText;

    @Location("mail/digest.html")
    Template digestHtml;

    /** The confirmation mail of a new subscription, with its one-time link. */
    Mail confirmation(Subscription s, String confirmToken) {
        ConfirmationMail data = new ConfirmationMail(
                s.cadence == Cadence.DAILY ? "daily" : "weekly (Mondays)",
                confirmUrl(confirmToken),
                WHEN.format(s.confirmExpiresAt.atZone(zone())),
                address.base() + "/");
        return new Mail()
                .setTo(List.of(s.email))
                .setSubject("Confirm your Hindsight digest")
                .setText(confirmationText.data("mail", data).render())
                .setHtml(confirmationHtml.data("mail", data).render())
                .addHeader("Message-ID", messageId("confirm." + s.id))
                .addHeader("Auto-Submitted", "auto-generated");
    }

    /** One digest, with its unsubscribe headers. */
    Mail digest(Subscription s, String period, DigestMail data) {
        String unsubscribe = unsubscribeUrl(s.unsubscribeToken);
        return new Mail()
                .setTo(List.of(s.email))
                .setSubject(data.title())
                .setText(digestText.data("mail", data).render())
                .setHtml(digestHtml.data("mail", data).render())
                .addHeader("Message-ID", messageId("digest." + s.id + "." + period))
                .addHeader("List-Id", "Hindsight digests <digests." + host() + ">")
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
    }

    String confirmUrl(String token) {
        return address.of("/digest/confirm/" + token).toString();
    }

    String unsubscribeUrl(String token) {
        return address.of("/digest/unsubscribe/" + token).toString();
    }

    /** The review desk's page of a prediction. */
    String deskUrl(String key) {
        return address.of("/desk/predictions/" + key).toString();
    }

    String deskUrl() {
        return address.base() + "/";
    }

    /** RFC 5322's msg-id: the same for the same mail, on this service's host. */
    String messageId(String what) {
        return "<" + what + "@" + host() + ">";
    }

    private String host() {
        return URI.create(address.base()).getHost();
    }

    private ZoneId zone() {
        return config.zone();
    }

    static String format(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
