package app.hindsight.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * The desk's scripts and stylesheet under addresses that change with their content ({@code /desk/desk.js?v=<hash>},
 * the pages link these): such an address is cached for good, while the bare one is revalidated. A browser then
 * never keeps an old script after an upgrade, as it would if the fixed name were {@code immutable} (Quarkus's
 * default for static files).
 */
@TemplateGlobal
@ApplicationScoped
public class DeskAssets {

    private static final String JS = "/desk/desk.js";
    private static final String CSS = "/desk/desk.css";
    private static final String INTAKE_JS = "/desk/intake.js";
    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    /** Files named here only, computed once: the files are in the jar and change only with it. */
    private static final class Versions {
        static final Map<String, String> OF = Map.of(JS, version(JS), CSS, version(CSS), INTAKE_JS, version(INTAKE_JS));
    }

    /** The script's address, as the pages link it. */
    static String deskJs() {
        return JS + "?v=" + Versions.OF.get(JS);
    }

    /** The stylesheet's address, as the pages link it. */
    static String deskCss() {
        return CSS + "?v=" + Versions.OF.get(CSS);
    }

    /** The intake pages' second script, as they link it (after the first, which it works through). */
    static String intakeJs() {
        return INTAKE_JS + "?v=" + Versions.OF.get(INTAKE_JS);
    }

    void register(@Observes Filters filters) {
        filters.register(this::cache, 100);
    }

    void cache(RoutingContext ctx) {
        String version = Versions.OF.get(ctx.request().path());
        if (version != null) {
            boolean current = version.equals(ctx.request().getParam("v"));
            // Set as the headers go out, over the static handler's own.
            ctx.addHeadersEndHandler(
                    ignored -> ctx.response().headers().set("Cache-Control", current ? FOREVER : REVALIDATE));
        }
        ctx.next();
    }

    /** The first 12 hex digits of the file's SHA-256. */
    private static String version(String path) {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources" + path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not in the application");
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
