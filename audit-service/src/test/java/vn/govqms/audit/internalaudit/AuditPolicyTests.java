package vn.govqms.audit.internalaudit;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.TestCallers.caller;

class AuditPolicyTests {

    static final Caller ISO = caller("can-bo-iso", Roles.ISO_OFFICER);
    static final Caller HEAD = caller("giam-doc", Roles.AGENCY_HEAD);
    static final Caller AUDITOR = caller("danh-gia-vien", Roles.AUDITOR);
    static final Caller PROVINCE = caller("so-khcn", Roles.PROVINCE_ADMIN);
    static final Caller MINISTRY = caller("bo-tu-phap", Roles.MINISTRY_ADMIN);
    static final Caller NATIONAL = caller("bo-khcn", Roles.NATIONAL_ADMIN);

    @Test
    void theAgencyPlansItsInternalAudits() {
        assertTrue(AuditPolicy.mayPlan(AuditKind.INTERNAL_AUDIT, ISO));
        assertTrue(AuditPolicy.mayPlan(AuditKind.INTERNAL_AUDIT, HEAD));
        for (Caller c : new Caller[]{AUDITOR, PROVINCE, MINISTRY, NATIONAL}) {
            assertFalse(AuditPolicy.mayPlan(AuditKind.INTERNAL_AUDIT, c));
        }
    }

    @Test
    void committeesPlanCrossChecksAndInspectionsAndAHeadCallsACrossCheck() {
        for (Caller c : new Caller[]{PROVINCE, MINISTRY, HEAD}) {
            assertTrue(AuditPolicy.mayPlan(AuditKind.CROSS_CHECK, c));
        }
        assertTrue(AuditPolicy.mayPlan(AuditKind.PROVINCIAL_INSPECTION, PROVINCE));
        assertTrue(AuditPolicy.mayPlan(AuditKind.PROVINCIAL_INSPECTION, MINISTRY));
        for (Caller c : new Caller[]{HEAD, ISO, AUDITOR, NATIONAL}) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> AuditPolicy.requirePlanner(AuditKind.PROVINCIAL_INSPECTION, c));
            assertEquals(403, refused.status());
        }
        assertEquals(403, assertThrows(ProblemException.class, () -> AuditPolicy.requirePlanner(AuditKind.CROSS_CHECK, ISO)).status());
    }

    @Test
    void theLeadAuditorOrAPlannerManagesAnAudit() {
        Audit audit = new Audit();
        audit.kind = AuditKind.CROSS_CHECK;
        audit.leadAuditor = "truong-doan";
        assertDoesNotThrow(() -> AuditPolicy.requireManager(audit, caller("truong-doan", Roles.AUDITOR)));
        assertDoesNotThrow(() -> AuditPolicy.requireManager(audit, PROVINCE));
        assertEquals(403, assertThrows(ProblemException.class, () -> AuditPolicy.requireManager(audit, AUDITOR)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> AuditPolicy.requireManager(audit, ISO)).status());
    }

    @Test
    void onlyTheAuditedAgencysHeadConfirmsTheReport() {
        assertDoesNotThrow(() -> AuditPolicy.requireConfirmer(HEAD, Scope.Level.AGENCY, "Sở Tư pháp"));
        ProblemException byIso = assertThrows(ProblemException.class,
                () -> AuditPolicy.requireConfirmer(ISO, Scope.Level.AGENCY, "Sở Tư pháp"));
        assertEquals(403, byIso.status());
        assertTrue(byIso.getMessage().contains("Sở Tư pháp"));
        // a head's role on a committee's token (no agency of its own) confirms nothing
        assertEquals(403, assertThrows(ProblemException.class,
                () -> AuditPolicy.requireConfirmer(caller("ca-hai", Roles.AGENCY_HEAD, Roles.PROVINCE_ADMIN), Scope.Level.PROVINCE,
                        "Sở Tư pháp")).status());
    }
}
