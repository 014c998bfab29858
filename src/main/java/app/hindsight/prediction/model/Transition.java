package app.hindsight.prediction.model;

/** The moves of the status machine ({@link StatusMachine}), each named by what a person (or the scheduler) does. */
public enum Transition {
    FLAG_DUE("flag as due"),
    RESOLVE("resolve"),
    REOPEN("reopen"),
    DEFER("defer"),
    WITHDRAW("withdraw"),
    RESTORE("restore");

    private final String action;

    Transition(String action) {
        this.action = action;
    }

    /** The verb of "cannot ... a prediction whose status is ...". */
    public String action() {
        return action;
    }
}
