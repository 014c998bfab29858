package app.hindsight.digest;

import java.util.List;

/** What one digest says, section by section, as its templates (mail/digest.txt and .html) show it. */
public record DigestMail(
        String title,
        String email,
        int total,
        List<Section> sections,
        String filters,
        String deskUrl,
        String unsubscribeUrl) {

    /** The notices of one kind, e.g. "Came due". */
    public record Section(String heading, List<Entry> entries) {}

    /** One notice: the prediction it is about, why it is here, and the link to its desk page. */
    public record Entry(
            String statement, String speaker, String quote, String quoteLang, String due, String why, String url) {}
}
