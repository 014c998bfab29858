package app.hindsight.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a lexicon file: what it signals, how much, and what it matches. A time entry also names the
 * {@link TimeRule} (and its argument) that turns the words into a target. {@code origin} is the file, the line
 * number and the line, so a cue can say exactly which entry fired. {@code patterns} are the entry's forms (a
 * Chinese entry's two scripts), tried one by one, as a regular expression may not name a group twice.
 */
record LexiconEntry(
        CueKind kind, double weight, TimeRule rule, int ruleArgument, List<Pattern> patterns, String origin) {}
