package app.hindsight.prediction.model;

import app.hindsight.shared.DomainException;

/** The status machine does not allow this transition from the prediction's current status. */
public class TransitionRefused extends DomainException {

    private final Transition transition;
    private final Status current;

    public TransitionRefused(Transition transition, Status current) {
        super(
                409,
                "invalid-transition",
                "Transition not allowed",
                "cannot " + transition.action() + " a prediction whose status is " + current);
        this.transition = transition;
        this.current = current;
    }

    public Transition transition() {
        return transition;
    }

    public Status current() {
        return current;
    }

    /** The problem names the current status, so a client can tell what it may do instead. */
    @Override
    public String currentStatus() {
        return current.name();
    }
}
