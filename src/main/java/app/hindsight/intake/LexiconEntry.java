package app.hindsight.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a lexicon file: what it signals, how much, and what it matches. A time entry also names the
 * {@link TimeRule} (and its argument) that turns the words into a target. {@code origin} is the file, the line
 * number and the line, so a cue can say exactly which entry fired. {@code forms} are the entry's forms (a
 * Chinese entry's two scripts), tried one by one, as a regular expression may not name a group twice.
 */
record LexiconEntry(CueKind kind, double weight, TimeRule rule, int ruleArgument, List<Form> forms, String origin) {

    /**
     * One form of the entry. A literal phrase has an {@code anchor}, its first word in lower case: the matcher only
     * tries where the anchor occurs, which a plain {@code indexOf} finds far faster than a regular expression
     * scanning every position. A regular expression has none and scans.
     */
    record Form(Pattern pattern, String anchor) {}
}
