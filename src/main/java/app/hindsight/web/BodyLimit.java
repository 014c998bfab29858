package app.hindsight.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.hindsight.HindsightConfig;

/**
 * Bounds request bodies before they are read: imports may be large, everything else is small. The HTTP
 * layer's own limit (quarkus.http.limits.max-body-size) catches bodies sent without a Content-Length.
 */
public class BodyLimit {

    // A provider: filters are built at static init, before runtime configuration exists.
    @Inject
    jakarta.inject.Provider<HindsightConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length", "not a number");
        }
        boolean isImport = request.getUriInfo().getPath().startsWith("/api/v1/imports");
        HindsightConfig.Http limits = config.get().http();
        long max = isImport ? limits.maxImportBodySize() : limits.maxBodySize();
        if (size > max) {
            throw new ApiException(413, "body-too-large", "Request body too large",
                    "the body has " + size + " bytes; at most " + max + " are accepted here", null, null);
        }
    }
}
