/**
 * Intake: from a transcript to candidate predictions, by explainable rules.
 *
 * <p>{@link app.hindsight.intake.Transcript} splits a source's text (plain text with optional headings and labelled
 * bullets, or subtitle captions) into {@link app.hindsight.intake.Segment}s with stable locators;
 * {@link app.hindsight.intake.CandidateFinder} splits those into sentences with ICU and proposes every
 * forward-looking sentence as a {@link app.hindsight.intake.Candidate}, naming the lexicon entries that fired. The
 * lexicons are plain resource files under {@code intake/} that a curator can extend. Plain Java: no HTTP, no
 * persistence, time comes in as the source's date.
 */
package app.hindsight.intake;
