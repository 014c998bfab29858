package app.hindsight.prediction.model;

/** Who chose the target date: the speaker, the curator, or nobody (periodic review only). */
public enum Basis {
    EXPLICIT,
    INFERRED,
    NONE
}
