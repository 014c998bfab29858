package app.hindsight.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Sealing and opening webhook secrets, without Quarkus. */
class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });

    private final SecretBox box = SecretBox.of(Optional.of(KEY));

    @Test
    void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
        String secret = WebhookSignature.newSecret();
        String sealed = box.seal(secret);

        assertTrue(sealed.startsWith("enc:v1:"), sealed);
        assertFalse(sealed.contains(secret.substring(6)));
        assertTrue(sealed.length() <= 100, "the webhook.secret column holds 100: " + sealed.length());
        assertEquals(secret, box.open(sealed));
    }

    @Test
    void eachSealingUsesAFreshNonce() {
        String secret = WebhookSignature.newSecret();
        assertNotEquals(box.seal(secret), box.seal(secret));
    }

    @Test
    void aSecretStoredAsIssuedOpensAsItIs() {
        String secret = WebhookSignature.newSecret();
        assertEquals(secret, box.open(secret));
        assertEquals(secret, SecretBox.of(Optional.empty()).open(secret));
    }

    @Test
    void withoutAKeySecretsAreStoredAsIssued() {
        String secret = WebhookSignature.newSecret();
        SecretBox none = SecretBox.of(Optional.empty());
        assertFalse(none.hasKey());
        assertEquals(secret, none.seal(secret));
    }

    @Test
    void aSealedSecretNeedsTheKeyItWasSealedWith() {
        String sealed = box.seal(WebhookSignature.newSecret());

        SecretBox.SecretUnreadable noKey = assertThrows(
                SecretBox.SecretUnreadable.class,
                () -> SecretBox.of(Optional.empty()).open(sealed));
        assertTrue(noKey.getMessage().contains("hindsight.webhooks.secret-key is not set"), noKey.getMessage());

        SecretBox other = SecretBox.of(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));
        SecretBox.SecretUnreadable wrongKey = assertThrows(SecretBox.SecretUnreadable.class, () -> other.open(sealed));
        assertTrue(wrongKey.getMessage().contains("not the one it was encrypted with"), wrongKey.getMessage());

        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BBB=" : "AAA=");
        assertThrows(SecretBox.SecretUnreadable.class, () -> box.open(tampered));
    }

    @Test
    void aKeyThatIsNot32Base64BytesIsRefusedWithHowToMakeOne() {
        for (String bad : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[16])}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> SecretBox.of(Optional.of(bad)));
            assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
        }
    }
}
