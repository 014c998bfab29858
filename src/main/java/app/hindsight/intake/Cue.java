package app.hindsight.intake;

/**
 * Why a sentence was proposed: what matched ({@code text}, at {@code span} in the transcript), of which kind, and the
 * lexicon entry that fired ({@code entry}, e.g. {@code "cues-zh.txt:12 FUTURE_MODAL 0.6 將"}). A cue found in the
 * label that heads the sentence (a bullet "Predictions:") has {@code inLabel} set and counts half.
 */
public record Cue(CueKind kind, String text, String entry, Span span, double weight, boolean inLabel) {}
