package app.hindsight.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.hindsight.HindsightConfig;

/**
 * Bounds request bodies as they are read: imports may be large, everything else is small. A body announced by
 * Content-Length is refused before it is read, by {@link RequestGuard}; this counts the bytes of one sent without
 * (chunked).
 */
public class BodyLimit {

    private static final String IMPORTS = "/api/v1/imports";
    private static final java.util.regex.Pattern TRANSCRIPT =
            java.util.regex.Pattern.compile("/api/v1/sources/[^/]+/transcript/?");

    // A provider: filters are built at static init, before runtime configuration exists.
    @Inject
    jakarta.inject.Provider<HindsightConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET")
                || method.equals("HEAD")
                || method.equals("OPTIONS")
                || request.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null) {
            // No body to bound, or its length was checked already; wrapping the entity stream would cost every read.
            return;
        }
        long max = maxFor(request.getUriInfo().getPath(), config.get());
        request.setEntityStream(new LimitedStream(request.getEntityStream(), max));
    }

    /** The largest body accepted at this path: imports and transcripts have their own limits. */
    static long maxFor(String path, HindsightConfig config) {
        if (path != null && path.startsWith(IMPORTS)) {
            return config.http().maxImportBodySize();
        }
        if (path != null && TRANSCRIPT.matcher(path).matches()) {
            return config.intake().maxTranscriptSize().asLongValue();
        }
        return config.http().maxBodySize();
    }

    static ApiException tooLarge(String what, long max) {
        return new ApiException(
                413,
                "body-too-large",
                "Request body too large",
                what + "; at most " + max + " bytes are accepted here",
                null,
                null);
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
