package app.hindsight.intake;

/** How sure the speaker sounds, from the words alone; the most guarded word present sets it. */
public enum HedgeGrade {
    CERTAIN,
    LIKELY,
    POSSIBLE,
    /** No hedge word: a plain "will" or 將. */
    UNHEDGED
}
