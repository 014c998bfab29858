package app.hindsight.web;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list, with the cursor of the next one (null on the last page), and the paging every list endpoint
 * shares: the limit a request asks for ({@link #limit}), the page cut from rows read in id order ({@link #of}), and
 * the response with a Link to the next page ({@link #toResponse}). Cursors are opaque keyset positions
 * ({@link Cursor}): a service reads the rows after {@code Cursor.decode(cursor)}, {@code limit + 1} of them.
 */
public record Page<T>(
        // At most MAX_LIMIT: every list caps its limit there.
        @Schema(required = true, maxItems = Page.MAX_LIMIT) List<T> items,
        String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** The page size a request's {@code limit} asks for: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} if absent. */
    public static int limit(String value) {
        return Cursor.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /**
     * The page of {@code rows}, read in the cursor's order with {@code limit + 1} at most: the first {@code limit},
     * and when there were more, the cursor after the last of them.
     */
    public static <R> Page<R> of(List<R> rows, int limit, ToLongFunction<R> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<R> page = rows.subList(0, limit);
        return new Page<>(page, Cursor.after(id.applyAsLong(page.get(limit - 1))));
    }

    /** The same page with each item turned into what the API shows. */
    public <U> Page<U> map(Function<? super T, ? extends U> view) {
        return new Page<>(items.stream().<U> map(view).toList(), nextCursor);
    }

    /**
     * 200 with the page, and a {@code Link: <...>; rel="next"} header when there is a next page: this request's
     * path and query with the next cursor, on the public address (not on whatever Host the client sent).
     */
    public RestResponse<Page<T>> toResponse(UriInfo uri, PublicUrl publicUrl) {
        RestResponse.ResponseBuilder<Page<T>> ok = RestResponse.ResponseBuilder.ok(this);
        if (nextCursor != null) {
            URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
            ok.link(publicUrl.of(uri, next.getRawQuery()), "next");
        }
        return ok.build();
    }
}
