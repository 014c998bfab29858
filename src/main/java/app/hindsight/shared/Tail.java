package app.hindsight.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The newest items of a list kept in id order, oldest first, and whether there are earlier ones: what a page for
 * people shows of a list that can be long (the desk shows a prediction's latest events and forecasts, and links to the
 * API's pages for the rest).
 */
public record Tail<T>(List<T> items, boolean earlier) {

    /** The tail of {@code newestFirst}, read newest first with {@code size + 1} rows at most. */
    public static <R> Tail<R> of(List<R> newestFirst, int size) {
        List<R> shown = new ArrayList<>(newestFirst.subList(0, Math.min(size, newestFirst.size())));
        Collections.reverse(shown);
        return new Tail<>(shown, newestFirst.size() > size);
    }

    public <U> Tail<U> map(Function<? super T, ? extends U> view) {
        return new Tail<>(items.stream().<U>map(view).toList(), earlier);
    }
}
