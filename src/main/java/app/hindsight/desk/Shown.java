package app.hindsight.desk;

import java.util.List;

/** Part of a list a page shows, and how long the whole list is: the page says how many it left out. */
public record Shown<T>(List<T> items, int total) {

    /** The first {@code n} items. */
    static <T> Shown<T> first(List<T> all, int n) {
        return new Shown<>(all.subList(0, Math.min(n, all.size())), all.size());
    }

    /** The last {@code n} items, in their order. */
    static <T> Shown<T> last(List<T> all, int n) {
        return new Shown<>(all.subList(Math.max(0, all.size() - n), all.size()), all.size());
    }

    public int left() {
        return total - items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
