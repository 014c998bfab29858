package app.hindsight.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An API token. Only the SHA-256 of the secret is stored: tokens are 256 random bits, so a fast hash is
 * enough (no dictionary to guess from) and lets each request be checked with one indexed lookup.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "hs_";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public String hash;

    /** Granted roles, comma-separated. */
    @Column(nullable = false, updatable = false)
    public String roles;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public Set<String> grantedRoles() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public static Optional<ApiToken> findActive(String secret) {
        return find("hash = ?1 and revokedAt is null", hash(secret)).firstResultOptional();
    }

    /** A new secret: prefix (so leaked tokens are recognisable) and 256 random bits. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    TokenView toView() {
        return new TokenView(id, name, grantedRoles(), createdAt, createdBy, revokedAt, revokedBy, null);
    }
}
