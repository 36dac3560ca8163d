package vn.govqms.audit.correctivereport;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.TestCallers.caller;

class CorrectiveReportPolicyTests {

    @Test
    void theInspectedAgencysKeepersSubmit() {
        assertDoesNotThrow(() -> CorrectiveReportPolicy.requireSubmitter(caller("can-bo-iso", Roles.ISO_OFFICER)));
        assertDoesNotThrow(() -> CorrectiveReportPolicy.requireSubmitter(caller("giam-doc", Roles.AGENCY_HEAD)));
        for (String role : new String[]{Roles.AUDITOR, Roles.VIEWER, Roles.PROVINCE_ADMIN}) {
            assertEquals(403, assertThrows(ProblemException.class,
                    () -> CorrectiveReportPolicy.requireSubmitter(caller("x", role))).status(), role);
        }
    }

    @Test
    void theTeamOrTheOrganisingCommitteeDecides() {
        assertTrue(CorrectiveReportPolicy.decidesAsTeam(caller("doan-kiem-tra", Roles.AUDITOR), true));
        assertFalse(CorrectiveReportPolicy.decidesAsTeam(caller("so-khcn", Roles.PROVINCE_ADMIN), false));
        assertFalse(CorrectiveReportPolicy.decidesAsTeam(caller("bo-tu-phap", Roles.MINISTRY_ADMIN), false));
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CorrectiveReportPolicy.decidesAsTeam(caller("danh-gia-vien", Roles.AUDITOR), false)).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> CorrectiveReportPolicy.decidesAsTeam(caller("giam-doc", Roles.AGENCY_HEAD), true)).status());
    }
}
