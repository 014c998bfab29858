package app.hindsight.web;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Paged;

/**
 * One page of a list, with the cursor of the next one (null on the last page), and the paging every list endpoint
 * shares: the limit a request asks for ({@link #limit}), the domain's page given its cursor ({@link #of}), and the
 * response with a Link to the next page ({@link #toResponse}). Cursors are opaque keyset positions ({@link Cursor}):
 * a service reads the rows after {@code Cursor.decode(cursor)}, {@code limit + 1} of them, and cuts them with
 * {@link Paged#of}.
 */
public record Page<T>(
        // At most MAX_LIMIT: every list caps its limit there.
        @Schema(required = true, maxItems = Page.MAX_LIMIT) List<T> items, String nextCursor) {

    /** The domain's bounds ({@link Paged}), as the resources and the OpenAPI annotations name them. */
    public static final int DEFAULT_LIMIT = Paged.DEFAULT_LIMIT;

    public static final int MAX_LIMIT = Paged.MAX_LIMIT;

    /** The page size a request's {@code limit} asks for: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} if absent. */
    public static int limit(String value) {
        return Cursor.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A list short by nature (the jobs), answered whole: one page, no next. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, null);
    }

    /** The domain's page, with its next id as an opaque cursor. */
    public static <T> Page<T> of(Paged<T> paged) {
        return new Page<>(paged.items(), paged.nextAfter() == null ? null : Cursor.after(paged.nextAfter()));
    }

    /**
     * The domain's page of a list kept by a sort key and then id (observations by day, forecasts by time): its
     * cursor holds the last item's key and id ({@link Cursor#after(Object, long)}).
     */
    public static <T> Page<T> of(Paged<T> paged, Function<? super T, ?> key, ToLongFunction<? super T> id) {
        if (paged.nextAfter() == null) {
            return new Page<>(paged.items(), null);
        }
        T last = paged.items().get(paged.items().size() - 1);
        return new Page<>(paged.items(), Cursor.after(key.apply(last), id.applyAsLong(last)));
    }

    /**
     * 200 with the page, and a {@code Link: <...>; rel="next"} header when there is a next page: this request's
     * path and query with the next cursor, on the public address (not on whatever Host the client sent).
     */
    public RestResponse<Page<T>> toResponse(UriInfo uri, PublicUrl publicUrl) {
        return withNext(this, nextCursor, uri, publicUrl);
    }

    /** 200 with a body that carries a page (and more), with the Link to the next page as {@link #toResponse}. */
    public static <B> RestResponse<B> withNext(B body, String nextCursor, UriInfo uri, PublicUrl publicUrl) {
        RestResponse.ResponseBuilder<B> ok = RestResponse.ResponseBuilder.ok(body);
        if (nextCursor != null) {
            URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", nextCursor)
                    .build();
            ok.link(publicUrl.of(uri, next.getRawQuery()), "next");
        }
        return ok.build();
    }
}
