package app.hindsight.intake;

/** A candidate's words, verbatim from the transcript, with its language tag and where it is. */
public record Quote(String text, String lang, String locator) {}
