package app.hindsight.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one list of role names: plain code, no server. */
class RolesTest {

    @Test
    void theRolePatternAcceptsEveryRoleAndNothingElse() {
        for (String role : Roles.ALL) {
            assertTrue(role.matches(Roles.ONE_OF), role);
            assertTrue(Roles.ONE_OF_MESSAGE.contains(role), role);
        }
        for (String other : List.of("", "Admin", "owner", "admin|reader", "readers")) {
            assertFalse(other.matches(Roles.ONE_OF), other);
        }
        assertEquals(Roles.ALL.size(), Roles.ONE_OF.split("\\|").length);
    }

    @Test
    void everyTokenReadsAndAdminHasEveryRole() {
        assertEquals(Set.of(Roles.READER), Roles.effective(Set.of()));
        assertEquals(Set.of(Roles.READER, Roles.EDITOR), Roles.effective(Set.of("EDITOR")));
        assertEquals(Roles.ALL, Roles.effective(Set.of(Roles.ADMIN)));
    }
}
