package vn.govqms.document.controlled;

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

class DocumentPolicyTests {

    static final Caller ISO = caller("can-bo-iso", Roles.ISO_OFFICER);
    static final Caller HEAD = caller("giam-doc", Roles.AGENCY_HEAD);
    static final Caller AUDITOR = caller("danh-gia-vien", Roles.AUDITOR);
    static final Caller PROVINCE = caller("ban-chi-dao", Roles.PROVINCE_ADMIN);
    static final Caller ONE_STOP_SHOP = caller("mot-cua", Roles.INTEGRATION);

    static void refused(Executable rule) {
        assertEquals(403, assertThrows(ProblemException.class, rule).status());
    }

    @Test
    void theIsoOfficerDraftsAndSubmitsAndTheHeadDecides() {
        for (VersionAction a : VersionAction.values()) {
            boolean officers = a == VersionAction.EDIT || a == VersionAction.SUBMIT;
            Caller doer = officers ? ISO : HEAD;
            Caller other = officers ? HEAD : ISO;
            assertDoesNotThrow(() -> DocumentPolicy.requireMay(a, doer), a.name());
            refused(() -> DocumentPolicy.requireMay(a, other));
            refused(() -> DocumentPolicy.requireMay(a, PROVINCE));
            refused(() -> DocumentPolicy.requireMay(a, AUDITOR));
        }
    }

    @Test
    void onlyTheIsoOfficerDistributesAndRecordsPostings() {
        assertDoesNotThrow(() -> DocumentPolicy.requireDistributor(ISO));
        assertDoesNotThrow(() -> DocumentPolicy.requirePostingRecorder(ISO));
        for (Caller c : new Caller[]{HEAD, AUDITOR, PROVINCE, ONE_STOP_SHOP}) {
            refused(() -> DocumentPolicy.requireDistributor(c));
            refused(() -> DocumentPolicy.requirePostingRecorder(c));
        }
    }

    @Test
    void theIsoOfficerOrTheHeadReviewsAndAttaches() {
        for (Caller c : new Caller[]{ISO, HEAD}) {
            assertDoesNotThrow(() -> DocumentPolicy.requirePeriodicReviewer(c));
            assertDoesNotThrow(() -> DocumentPolicy.requireAttacher(c));
        }
        for (Caller c : new Caller[]{AUDITOR, PROVINCE, ONE_STOP_SHOP}) {
            refused(() -> DocumentPolicy.requirePeriodicReviewer(c));
            refused(() -> DocumentPolicy.requireAttacher(c));
        }
    }

    @Test
    void aMachineClientReadsOnlyWhatWasIssued() {
        assertTrue(DocumentPolicy.issuedOnly(ONE_STOP_SHOP));
        assertFalse(DocumentPolicy.issuedOnly(ISO));
        assertFalse(DocumentPolicy.issuedOnly(caller("ca-hai", Roles.INTEGRATION, Roles.VIEWER)));
    }
}
