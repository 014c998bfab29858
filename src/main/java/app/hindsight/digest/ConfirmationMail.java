package app.hindsight.digest;

import java.util.List;

/** What the confirmation mail says: what was asked for, and the link that turns it on. */
public record ConfirmationMail(
        String email,
        String cadence,
        List<String> events,
        String topics,
        String speakers,
        String confirmUrl,
        String expires,
        String siteUrl) {}
