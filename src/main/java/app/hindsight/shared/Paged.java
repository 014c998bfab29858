package app.hindsight.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list kept in id order, before HTTP gives it a cursor: the items, and the id the next page starts
 * after ({@code null} on the last page). Services read {@code limit + 1} rows after the cursor's id and cut the
 * page with {@link #of}.
 */
public record Paged<T>(List<T> items, Long nextAfter) {

    /** Items a page holds when the request does not say: the API's lists and the desk's pages alike. */
    public static final int DEFAULT_LIMIT = 50;

    /** Items a page holds at most, whatever the request asks. */
    public static final int MAX_LIMIT = 500;

    /**
     * The page of {@code rows}, read in id order with {@code limit + 1} at most: the first {@code limit}, and when
     * there were more, the id after which the next page starts.
     */
    public static <R> Paged<R> of(List<R> rows, int limit, ToLongFunction<R> id) {
        if (rows.size() <= limit) {
            return new Paged<>(rows, null);
        }
        List<R> page = rows.subList(0, limit);
        return new Paged<>(page, id.applyAsLong(page.get(limit - 1)));
    }

    /** The same page with each item turned into what the API shows. */
    public <U> Paged<U> map(Function<? super T, ? extends U> view) {
        return new Paged<>(items.stream().<U>map(view).toList(), nextAfter);
    }

    /**
     * A page of a list ranked in memory (aggregates, a row per forecaster or speaker): the {@code limit} rows after
     * the first {@code offset}, and the offset of the next page as its "id".
     */
    public static <R> Paged<R> ofRanked(List<R> ranked, long offset, int limit) {
        int from = (int) Math.min(offset, ranked.size());
        int to = (int) Math.min(ranked.size(), (long) from + limit);
        return new Paged<>(ranked.subList(from, to), to < ranked.size() ? Long.valueOf(to) : null);
    }
}
