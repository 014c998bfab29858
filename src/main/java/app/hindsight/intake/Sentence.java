package app.hindsight.intake;

/**
 * A sentence, or a clause of a long one, with its exact offsets into the transcript's text, the locator of the
 * segment it starts in and that segment's index.
 */
public record Sentence(Span span, String locator, int segment) {}
