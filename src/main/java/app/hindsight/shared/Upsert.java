package app.hindsight.shared;

/** What an upsert by key did to one item of an import or a seed file. */
public enum Upsert {
    CREATED,
    UPDATED,
    UNCHANGED
}
