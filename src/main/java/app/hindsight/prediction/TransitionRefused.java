package app.hindsight.prediction;

import app.hindsight.domain.DomainException;

/** The status machine does not allow this transition from the prediction's current status. */
public class TransitionRefused extends DomainException {

    private final Transition transition;
    private final Status current;

    public TransitionRefused(Transition transition, Status current) {
        super("cannot " + transition.action() + " a prediction whose status is " + current);
        this.transition = transition;
        this.current = current;
    }

    public Transition transition() {
        return transition;
    }

    public Status current() {
        return current;
    }
}
