package app.hindsight.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.shared.Validation;
import io.quarkus.logging.Log;

@ApplicationScoped
public class TokenService {

    static final String ADMIN_TOKEN_FILE = "admin-token";

    /**
     * Names the history gives to what no token does (the seed loader, the scheduler, anonymous callers). A token
     * may not take one: its actions would pass for theirs, and a seed revision would overwrite a person's edit as
     * if nobody had touched the prediction.
     */
    public static final Set<String> RESERVED_NAMES = Set.of("seed", "scheduler", "anonymous");

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Inject
    HindsightConfig config;

    @Transactional
    public TokenView create(NewToken in, String actor) {
        validation.require(in);
        if (RESERVED_NAMES.contains(in.name().toLowerCase(Locale.ROOT))) {
            throw InvalidInput.of("name", "is reserved: the history records what " + in.name() + " does under it");
        }
        if (ApiToken.count("name", in.name()) > 0) {
            throw new Conflict("duplicate-name", "a token named '" + in.name() + "' already exists");
        }
        String secret = ApiToken.newSecret();
        ApiToken token = store(in.name(), secret, new TreeSet<>(in.roles()), actor);
        TokenView view = token.toView();
        return new TokenView(
                view.id(), view.name(), view.roles(), view.createdAt(), view.createdBy(), null, null, secret);
    }

    @Transactional
    public Paged<TokenView> list(long after, int limit) {
        List<ApiToken> rows = ApiToken.<ApiToken>find("id > ?1 order by id", after)
                .range(0, limit)
                .list();
        return Paged.of(rows, limit, t -> t.id).map(ApiToken::toView);
    }

    /** Revoked at once: every request looks its token up, so the next one with it is refused. */
    @Transactional
    public void revoke(long id, String actor) {
        ApiToken token =
                ApiToken.<ApiToken>findByIdOptional(id).orElseThrow(() -> new NotFound("token", String.valueOf(id)));
        if (token.revokedAt == null) {
            token.revokedAt = now();
            token.revokedBy = actor;
        }
    }

    /**
     * On first start there must be a way in. HINDSIGHT_ADMIN_TOKEN, when set, is registered (once) as an admin
     * token. Otherwise, while no admin token is active, one is generated and written to a file that only the
     * owner can read; the log names the file, never the token.
     */
    @Transactional
    public void bootstrap() {
        Optional<String> adminToken = config.auth().adminToken();
        if (adminToken.isPresent() && !adminToken.get().isBlank()) {
            String secret = adminToken.get().strip();
            if (ApiToken.count("hash", ApiToken.hash(secret)) == 0) {
                store(freeName("admin"), secret, new TreeSet<>(List.of(Roles.ADMIN)), "bootstrap");
                Log.info("Registered the admin token given by HINDSIGHT_ADMIN_TOKEN");
            }
            return;
        }
        boolean anyAdmin = ApiToken.<ApiToken>list("revokedAt is null").stream()
                .anyMatch(t -> t.grantedRoles().contains(Roles.ADMIN));
        if (anyAdmin) {
            return;
        }
        String secret = ApiToken.newSecret();
        Path file = config.dataDir().resolve(ADMIN_TOKEN_FILE);
        writeOwnerOnly(file, secret + "\n");
        store(freeName("admin"), secret, new TreeSet<>(List.of(Roles.ADMIN)), "bootstrap");
        Log.infof(
                "Generated the first admin token; it is in %s (readable only by its owner)",
                file.toAbsolutePath().normalize());
    }

    private ApiToken store(String name, String secret, TreeSet<String> roles, String actor) {
        ApiToken token = new ApiToken();
        token.name = name;
        token.hash = ApiToken.hash(secret);
        token.roles = String.join(",", roles);
        token.createdAt = now();
        token.createdBy = actor;
        token.persistAndFlush();
        return token;
    }

    private String freeName(String base) {
        String name = base;
        for (int n = 2; ApiToken.count("name", name) > 0; n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            DataFolder.create(file.getParent());
            Files.deleteIfExists(file);
            // Created with owner-only permissions, so the secret is never readable by others, even briefly.
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("concurrently created: " + file, e);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the admin token file " + file.toAbsolutePath(), e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
