package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How an Authorization header is read into a bearer token, without Quarkus. */
class BearerHeaderTest {

    @Test
    void theSchemeIsCaseInsensitiveAndAnyWhitespaceSeparatesIt() {
        for (String header :
                new String[] {"Bearer hs_abc", "bearer hs_abc", "BEARER  hs_abc", "Bearer\ths_abc", "bEaReR \t hs_abc  "
                }) {
            assertEquals("hs_abc", BearerTokenMechanism.secret(header), header);
        }
    }

    @Test
    void anotherSchemeOrNoTokenIsNone() {
        for (String header :
                new String[] {null, "", "Bearer", "Bearer   ", "Bearerhs_abc", "Basic aGk6aGk=", "Token hs"}) {
            assertNull(BearerTokenMechanism.secret(header), String.valueOf(header));
        }
    }
}
