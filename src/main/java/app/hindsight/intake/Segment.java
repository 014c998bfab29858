package app.hindsight.intake;

import java.util.List;

/**
 * A stretch of a transcript with one locator: a paragraph or bullet under its section heading, a heading itself, or
 * a caption. {@code body} is the text a quote may come from (the bullet marker and the label are left out);
 * {@code labels} are the bold or speaker labels that head it, its own last and its parents' before, so a rule can
 * read "Q:" or "Predictions:" as context. Segments with the same {@code flow} are one running text split across
 * captions: a sentence may continue from one into the next, and takes the locator of the one where it starts.
 */
public record Segment(String locator, Span body, Role role, List<Span> labels, int flow) {

    /** What the segment is: headings name sections and are never candidates; a bullet item makes one point. */
    public enum Role {
        HEADING,
        ITEM,
        PARAGRAPH;

        public boolean isBody() {
            return this != HEADING;
        }
    }

    public Segment {
        labels = List.copyOf(labels);
    }
}
