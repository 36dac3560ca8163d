package vn.govqms.audit.managementreview;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.govqms.local.testing.TestCallers.caller;

class ManagementReviewPolicyTests {

    @Test
    void theOwnerOrTheAgencysKeepersRecordAReviewActionDone() {
        ManagementReviewAction a = new ManagementReviewAction();
        a.owner = "pho-phong";
        assertDoesNotThrow(() -> ManagementReviewPolicy.requireCompleter(a, caller("pho-phong", Roles.VIEWER)));
        assertDoesNotThrow(() -> ManagementReviewPolicy.requireCompleter(a, caller("can-bo-iso", Roles.ISO_OFFICER)));
        assertDoesNotThrow(() -> ManagementReviewPolicy.requireCompleter(a, caller("giam-doc", Roles.AGENCY_HEAD)));
        for (String role : new String[]{Roles.VIEWER, Roles.AUDITOR, Roles.PROVINCE_ADMIN, Roles.NATIONAL_ADMIN}) {
            assertEquals(403, assertThrows(ProblemException.class,
                    () -> ManagementReviewPolicy.requireCompleter(a, caller("nguoi-khac", role))).status(), role);
        }
    }
}
