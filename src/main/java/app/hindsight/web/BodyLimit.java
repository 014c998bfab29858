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
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            // No body to bound; wrapping the entity stream would cost every read.
            return;
        }
        boolean isImport = request.getUriInfo().getPath().startsWith("/api/v1/imports");
        HindsightConfig.Http limits = config.get().http();
        long max = isImport ? limits.maxImportBodySize() : limits.maxBodySize();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // Chunked: count the bytes as they are read.
            request.setEntityStream(new LimitedStream(request.getEntityStream(), max));
            return;
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length", "not a number");
        }
        if (size > max) {
            throw tooLarge("the body has " + size + " bytes", max);
        }
    }

    static ApiException tooLarge(String what, long max) {
        return new ApiException(413, "body-too-large", "Request body too large",
                what + "; at most " + max + " bytes are accepted here", null, null);
    }

    /** Fails the read as soon as more than {@code max} bytes have come. */
    static final class LimitedStream extends java.io.FilterInputStream {

        private final long max;
        private long count;

        LimitedStream(java.io.InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw tooLarge("the body has more than " + max + " bytes", max);
            }
        }
    }
}
