package app.hindsight.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The mails GreenMail received for one address, read as a person's mail program would. */
final class Inbox {

    record Message(
            String subject,
            String messageId,
            String contentType,
            String text,
            String html,
            String listUnsubscribe,
            String listUnsubscribePost,
            String autoSubmitted) {}

    private Inbox() {}

    static List<Message> of(String address) {
        List<Message> found = new ArrayList<>();
        try {
            for (MimeMessage m : GreenMailResource.server().getReceivedMessages()) {
                if (m.getAllRecipients() != null
                        && List.of(m.getAllRecipients()).stream()
                                .anyMatch(r -> r.toString().equals(address))) {
                    found.add(read(m));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static Message read(MimeMessage m) throws MessagingException, IOException {
        String[] parts = new String[2];
        collect(m, parts);
        return new Message(
                m.getSubject(),
                m.getMessageID(),
                m.getContentType(),
                parts[0],
                parts[1],
                m.getHeader("List-Unsubscribe", null),
                m.getHeader("List-Unsubscribe-Post", null),
                m.getHeader("Auto-Submitted", null));
    }

    /** parts[0]: the text/plain part, parts[1]: the text/html part. */
    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            parts[0] = Objects.toString(part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts[1] = Objects.toString(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        }
    }

    /** The token of the first link to {@code path} (e.g. /digest/confirm/) in the text. */
    static String token(String text, String path) {
        Matcher m = Pattern.compile(Pattern.quote(DigestProfile.PUBLIC_URL + path) + "([A-Za-z0-9_-]{43})")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link to " + path + " in: " + text);
        }
        return m.group(1);
    }
}
