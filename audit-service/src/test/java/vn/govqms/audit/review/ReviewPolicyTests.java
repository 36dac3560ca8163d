package vn.govqms.audit.review;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.govqms.local.testing.TestCallers.caller;

class ReviewPolicyTests {

    @Test
    void theOwnerOrTheAgencysKeepersRecordAReviewActionDone() {
        ReviewAction a = new ReviewAction();
        a.owner = "pho-phong";
        assertDoesNotThrow(() -> ReviewPolicy.requireCompleter(a, caller("pho-phong", Roles.VIEWER)));
        assertDoesNotThrow(() -> ReviewPolicy.requireCompleter(a, caller("can-bo-iso", Roles.ISO_OFFICER)));
        assertDoesNotThrow(() -> ReviewPolicy.requireCompleter(a, caller("giam-doc", Roles.AGENCY_HEAD)));
        for (String role : new String[]{Roles.VIEWER, Roles.AUDITOR, Roles.PROVINCE_ADMIN, Roles.NATIONAL_ADMIN}) {
            assertEquals(403, assertThrows(ProblemException.class,
                    () -> ReviewPolicy.requireCompleter(a, caller("nguoi-khac", role))).status(), role);
        }
    }
}
