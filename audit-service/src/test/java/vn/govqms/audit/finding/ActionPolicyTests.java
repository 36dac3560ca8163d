package vn.govqms.audit.finding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.TestCallers.caller;

class ActionPolicyTests {

    static final Caller ISO = caller("can-bo-iso", Roles.ISO_OFFICER);
    static final Caller HEAD = caller("giam-doc", Roles.AGENCY_HEAD);
    static final Caller AUDITOR = caller("danh-gia-vien", Roles.AUDITOR);
    static final Caller VIEWER = caller("chuyen-vien", Roles.VIEWER);
    static final Caller PROVINCE = caller("so-khcn", Roles.PROVINCE_ADMIN);
    static final Caller MINISTRY = caller("bo-tu-phap", Roles.MINISTRY_ADMIN);

    static void refused(Executable rule) {
        assertEquals(403, assertThrows(ProblemException.class, rule).status());
    }

    static CorrectiveAction ownedBy(String owner) {
        CorrectiveAction a = new CorrectiveAction();
        a.owner = owner;
        return a;
    }

    @Test
    void theOwnerOrTheAgencysKeepersWorkOnAnAction() {
        CorrectiveAction a = ownedBy("chuyen-vien");
        assertDoesNotThrow(() -> ActionPolicy.requireWorker(a, VIEWER));
        assertDoesNotThrow(() -> ActionPolicy.requireWorker(a, ISO));
        assertDoesNotThrow(() -> ActionPolicy.requireWorker(a, HEAD));
        refused(() -> ActionPolicy.requireWorker(a, AUDITOR));
        refused(() -> ActionPolicy.requireWorker(a, PROVINCE));
        refused(() -> ActionPolicy.requireWorker(ownedBy("nguoi-khac"), VIEWER));
    }

    @Test
    void anAuditorVerifies() {
        assertDoesNotThrow(() -> ActionPolicy.requireVerifier(AUDITOR));
        for (Caller c : new Caller[]{ISO, HEAD, PROVINCE, VIEWER}) {
            refused(() -> ActionPolicy.requireVerifier(c));
        }
    }

    @Test
    void theAgencyOrAnAuditorClosesAndOnlyATeamAuditorClosesAsTheTeam() {
        assertTrue(ActionPolicy.closesAsTeam(AUDITOR, true));
        assertFalse(ActionPolicy.closesAsTeam(AUDITOR, false));
        assertFalse(ActionPolicy.closesAsTeam(ISO, true));
        assertFalse(ActionPolicy.closesAsTeam(HEAD, false));
        refused(() -> ActionPolicy.closesAsTeam(VIEWER, true));
        refused(() -> ActionPolicy.closesAsTeam(PROVINCE, false));
    }

    @Test
    void theHeadTheProvinceOrTheMinistryExtendsADueDate() {
        for (Caller c : new Caller[]{HEAD, PROVINCE, MINISTRY}) {
            assertDoesNotThrow(() -> ActionPolicy.requireExtender(c));
        }
        for (Caller c : new Caller[]{ISO, AUDITOR, VIEWER, caller("bo-khcn", Roles.NATIONAL_ADMIN)}) {
            refused(() -> ActionPolicy.requireExtender(c));
        }
    }

    @Test
    void theAgencysKeepersCloseAFinding() {
        assertDoesNotThrow(() -> FindingPolicy.requireCloser(ISO));
        assertDoesNotThrow(() -> FindingPolicy.requireCloser(HEAD));
        for (Caller c : new Caller[]{AUDITOR, VIEWER, PROVINCE}) {
            refused(() -> FindingPolicy.requireCloser(c));
        }
    }
}
