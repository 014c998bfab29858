package app.hindsight.intake;

/** What a lexicon entry says about a sentence. The first five make a sentence look forward; the rest qualify it. */
public enum CueKind {
    /** will, going to, 將, 會, 預計. */
    FUTURE_MODAL,
    /** by 2030, next year, in the future, 未來, 到2030年. */
    TIME_MARKER,
    /** 100x, 30 to 40 per cent, 五千億, more than, 超過. */
    QUANTITY,
    /** we plan to, we will, 我們將, 將推出. */
    COMMITMENT,
    /** should, must not, 應該, 不應, 不宜. */
    NORMATIVE,
    /** Past tense or a past marker: lowers the score. */
    PAST,
    /** Hedge words: they set the candidate's {@link HedgeGrade}; a weight above zero adds to the score too. */
    CERTAIN,
    LIKELY,
    POSSIBLE,
    /** A label that marks narration or a question put to the speaker (Q:, Interviewer:, 疑問): never a candidate. */
    NARRATION,
    /** Masks a false friend (社會 is not 會, free will is not will): the longer match wins and fires nothing. */
    IGNORE;

    boolean isHedge() {
        return this == CERTAIN || this == LIKELY || this == POSSIBLE;
    }
}
