package app.hindsight.web;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/** One page of a list, with the cursor of the next one (null on the last page). */
public record Page<T>(
        // At most 500: every list caps its limit there.
        @Schema(required = true, maxItems = 500) List<T> items,
        String nextCursor) {

    /** 200 with the page, and a {@code Link: <...>; rel="next"} header when there is a next page. */
    public RestResponse<Page<T>> toResponse(UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> ok = RestResponse.ResponseBuilder.ok(this);
        if (nextCursor != null) {
            ok.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build(), "next");
        }
        return ok.build();
    }
}
