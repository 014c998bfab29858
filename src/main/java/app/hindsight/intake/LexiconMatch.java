package app.hindsight.intake;

/** Where an entry matched in a transcript, with the target a time entry proposes there (else null). */
record LexiconMatch(LexiconEntry entry, Span span, String text, Target target) {

    CueKind kind() {
        return entry.kind();
    }
}
