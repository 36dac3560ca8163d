package vn.govqms.scoring.assessment;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope.Level;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.govqms.local.testing.TestCallers.caller;

class AssessmentPolicyTests {

    static final Caller ISO = caller("can-bo-iso", Roles.ISO_OFFICER);
    static final Caller HEAD = caller("giam-doc", Roles.AGENCY_HEAD);
    static final Caller AUDITOR = caller("danh-gia-vien", Roles.AUDITOR);
    static final Caller PROVINCE = caller("so-noi-vu", Roles.PROVINCE_ADMIN);
    static final Caller MINISTRY = caller("bo-tu-phap", Roles.MINISTRY_ADMIN);
    static final Caller NATIONAL = caller("bo-khcn", Roles.NATIONAL_ADMIN);

    @Test
    void theAgencysHeadOrIsoOfficerMakesItsSelfAssessmentAndTheHeadFinalisesIt() {
        assertDoesNotThrow(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.SELF, ISO, Level.AGENCY));
        assertDoesNotThrow(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.SELF, HEAD, Level.AGENCY));
        assertDoesNotThrow(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.SELF, HEAD, Level.AGENCY));
        assertRefused(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.SELF, ISO, Level.AGENCY),
                "The agency's head returns, finalises and reopens its self-assessment.");
    }

    @Test
    void nobodyOutsideTheAgencyMakesOrFinalisesItsSelfAssessment() {
        for (Caller c : new Caller[]{AUDITOR, PROVINCE, MINISTRY, NATIONAL}) {
            assertRefused(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.SELF, c, Level.PROVINCE),
                    "A self-assessment is made by the agency's own head or ISO officer.");
            assertRefused(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.SELF, c, Level.PROVINCE), null);
        }
        // a head's role seen outside an agency's scope (a token without an agency) is not the agency's head
        assertRefused(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.SELF, HEAD, Level.PROVINCE), null);
        assertRefused(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.SELF, HEAD, Level.NONE), null);
    }

    @Test
    void theSteeringCommitteeAndTeamAuditorsAuthorAnOfficialAssessmentAndOnlyTheCommitteeFinalisesIt() {
        for (Caller c : new Caller[]{PROVINCE, MINISTRY, AUDITOR}) {
            assertDoesNotThrow(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.OFFICIAL, c, Level.PROVINCE));
        }
        assertDoesNotThrow(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.OFFICIAL, PROVINCE, Level.PROVINCE));
        assertDoesNotThrow(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.OFFICIAL, MINISTRY, Level.MINISTRY));
        assertRefused(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.OFFICIAL, AUDITOR, Level.AGENCY),
                "The steering committee over the agency (province-admin or ministry-admin) returns, finalises and reopens an official assessment.");
    }

    @Test
    void theAssessedAgencysOwnPeopleAndTheNationalAdminDoNotAuthorAnOfficialAssessment() {
        for (Caller c : new Caller[]{ISO, HEAD, NATIONAL}) {
            assertRefused(() -> AssessmentPolicy.requireAuthorRole(AssessmentKind.OFFICIAL, c, Level.AGENCY), OfficialAssessors.WHO);
            assertRefused(() -> AssessmentPolicy.requireFinaliser(AssessmentKind.OFFICIAL, c, Level.AGENCY), null);
        }
    }

    @Test
    void onlyAnAuditorsAuthorityComesFromTheAssessmentTeam() {
        assertTrue(AssessmentPolicy.assessesAsTeamAuditor(AUDITOR));
        for (Caller c : new Caller[]{ISO, HEAD, PROVINCE, MINISTRY, NATIONAL}) {
            assertFalse(AssessmentPolicy.assessesAsTeamAuditor(c));
        }
    }

    private static void assertRefused(Runnable call, String detail) {
        ProblemException refused = assertThrows(ProblemException.class, call::run);
        assertEquals(403, refused.status());
        if (detail != null) {
            assertEquals(detail, refused.getMessage());
        }
    }
}
