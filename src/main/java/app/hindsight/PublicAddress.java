package app.hindsight;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/**
 * The service's public address, hindsight.public-url: absolute links (Location, Link, the calendar's URL, webhook
 * payloads) are built on it, never on the request's Host header: a client, or anyone who can make a calendar app or a
 * chat bridge fetch a URL, could otherwise put an address of their choosing into what the service hands to other
 * people. Links made outside a request (the scheduler's notices) come from here; {@code web.PublicUrl} adds the
 * request's own.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    HindsightConfig config;

    private volatile String base;

    /** A mistyped address stops the start, rather than failing the first request that needs a link. */
    void onStart(@Observes StartupEvent start) {
        base();
    }

    /** The configured address without a trailing slash, e.g. {@code https://hindsight.example.org}. */
    public String base() {
        String b = base;
        if (b == null) {
            b = base = check(config.publicUrl());
        }
        return b;
    }

    /** {@code path} (starting with "/") on the public address. */
    public URI of(String path) {
        return URI.create(base() + path);
    }

    static String check(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("hindsight.public-url is not a URL: " + url, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("hindsight.public-url must be an http or https address with a host and "
                    + "no query, fragment or user-info, e.g. https://hindsight.example.org; it is " + url);
        }
        return u;
    }
}
