package app.hindsight.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request, as history records it. Until API tokens exist every request is
 * "anonymous"; the scheduler records itself as "scheduler".
 */
@RequestScoped
public class Actor {

    public static final String SCHEDULER = "scheduler";

    public String name() {
        return "anonymous";
    }
}
