package app.hindsight.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

import app.hindsight.PublicAddress;

/**
 * Links on the public address ({@link PublicAddress}, never the request's Host header), for a request: a path, or
 * the request's own path with another query.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    PublicAddress address;

    /** The configured address without a trailing slash, e.g. {@code https://hindsight.example.org}. */
    public String base() {
        return address.base();
    }

    /** {@code path} (starting with "/") on the public address. */
    public URI of(String path) {
        return address.of(path);
    }

    /** The request's path with this query (raw, as encoded), on the public address. */
    public URI of(UriInfo request, String rawQuery) {
        String path = request.getRequestUri().getRawPath();
        return URI.create(base() + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }
}
