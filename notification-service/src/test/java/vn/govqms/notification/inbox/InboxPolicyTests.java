package vn.govqms.notification.inbox;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.govqms.local.testing.TestCallers.caller;

class InboxPolicyTests {

    @Test
    void theAgencysHeadAndIsoOfficerAndTheCommitteesReadItsNotifications() {
        for (String role : new String[]{Roles.AGENCY_HEAD, Roles.ISO_OFFICER, Roles.PROVINCE_ADMIN, Roles.MINISTRY_ADMIN,
                Roles.NATIONAL_ADMIN}) {
            assertDoesNotThrow(() -> InboxPolicy.requireAgencyReader(caller("x", role)), role);
        }
    }

    @Test
    void auditorsViewersAndMachinesReadOnlyTheirOwn() {
        for (String role : new String[]{Roles.AUDITOR, Roles.VIEWER, Roles.INTEGRATION}) {
            assertEquals(403, assertThrows(ProblemException.class, () -> InboxPolicy.requireAgencyReader(caller("x", role))).status(),
                    role);
        }
    }
}
