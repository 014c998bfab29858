package app.hindsight.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.domain.Paged;

/** One page of a list, with the cursor of the next one (null on the last page). */
public record Page<T>(
        // At most 500: every list caps its limit there.
        @Schema(required = true, maxItems = 500) List<T> items,
        String nextCursor) {

    /** The domain's page, with its next id as an opaque cursor. */
    public static <T> Page<T> of(Paged<T> paged) {
        return new Page<>(paged.items(), paged.nextAfter() == null ? null : Cursor.after(paged.nextAfter()));
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
