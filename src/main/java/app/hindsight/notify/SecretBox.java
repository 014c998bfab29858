package app.hindsight.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest. Signing needs the secret itself, so it cannot be hashed like a token; with
 * hindsight.webhooks.secret-key set, the secret's key bytes are stored encrypted with AES-256-GCM (a fresh 96-bit
 * nonce each time), as {@code enc:v1:} and the base64 of nonce, ciphertext and tag. A copy of the database (a
 * backup, a dump, a stolen H2 file) then does not let anyone sign as Hindsight. Without a key, secrets are stored
 * as issued. Plain Java, no I/O: {@link WebhookSecrets} holds the configured one.
 */
public final class SecretBox {

    static final String SEALED = "enc:v1:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    /** Binds a ciphertext to its use: it cannot be passed off as anything else encrypted with the same key. */
    private static final byte[] CONTEXT = "hindsight webhook signing secret".getBytes(StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(SecretKeySpec key) {
        this.key = key;
    }

    /** The box for this configured key (base64 of 32 bytes), or one that stores secrets as they are. */
    public static SecretBox of(Optional<String> base64Key) {
        if (base64Key.isEmpty() || base64Key.get().isBlank()) {
            return new SecretBox(null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.get().strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("hindsight.webhooks.secret-key must be the base64 of " + KEY_BYTES
                    + " random bytes, e.g. from: openssl rand -base64 32");
        }
        return new SecretBox(new SecretKeySpec(bytes, "AES"));
    }

    public boolean hasKey() {
        return key != null;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    /** What to store for this whsec_ secret: sealed when there is a key, else the secret itself. */
    public String seal(String secret) {
        if (key == null || isSealed(secret)) {
            return secret;
        }
        byte[] plain = Base64.getDecoder().decode(secret.substring(WebhookSignature.SECRET_PREFIX.length()));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The whsec_ secret from what was stored; a secret stored unsealed comes back as it is. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new SecretUnreadable("the signing secret is encrypted and hindsight.webhooks.secret-key is not set");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(plain);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadable("the signing secret does not decrypt with hindsight.webhooks.secret-key: "
                    + "the key is not the one it was encrypted with");
        }
    }

    /** A stored secret that cannot be had with the configured key; the message says why, for the delivery log. */
    public static final class SecretUnreadable extends RuntimeException {
        SecretUnreadable(String message) {
            super(message, null, false, false);
        }
    }
}
