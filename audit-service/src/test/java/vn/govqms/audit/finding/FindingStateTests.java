package vn.govqms.audit.finding;

import org.junit.jupiter.api.Test;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.audit.internalaudit.AuditKind;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycles of a finding and of a corrective action, as methods on the entities (no Quarkus). */
class FindingStateTests {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 4, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    static final LocalDate TODAY = NOW.toLocalDate();

    static Finding raised(FindingKind kind) {
        Audit audit = new Audit();
        audit.id = UUID.randomUUID();
        audit.agencyId = UUID.randomUUID();
        audit.kind = AuditKind.INTERNAL_AUDIT;
        return Finding.raise(audit, "7.5.3", kind, "Hồ sơ đất đai không có phiếu kiểm soát", null, null, "danh-gia-vien", NOW);
    }

    static CorrectiveAction opened() {
        return CorrectiveAction.open(raised(FindingKind.MINOR_NONCONFORMITY), "Bổ sung phiếu kiểm soát", null,
                "Công chức mới chưa được hướng dẫn", "Tập huấn lại quy trình", "chuyen-vien", TODAY.plusDays(30), "can-bo-iso", NOW);
    }

    static ProblemException refused(int status, Runnable step) {
        ProblemException e = assertThrows(ProblemException.class, step::run);
        assertEquals(status, e.status());
        return e;
    }

    @Test
    void aNonconformityTakesActionsAndClosesWhenTheyAreDone() {
        Finding f = raised(FindingKind.MAJOR_NONCONFORMITY);
        assertEquals(FindingStatus.OPEN, f.status);
        assertEquals(List.of("open-action"), f.allowed());
        f.requireOpenForActions();
        ProblemException byHand = refused(422, () -> f.close(TODAY));
        assertEquals("closes-with-actions", byHand.type());
        assertTrue(f.closeWhenActionsDone(TODAY));
        assertEquals(FindingStatus.CLOSED, f.status);
        assertEquals(TODAY, f.closedOn);
        assertFalse(f.closeWhenActionsDone(TODAY.plusDays(1)));
        assertEquals(TODAY, f.closedOn);
        ProblemException closed = refused(409, f::requireOpenForActions);
        assertEquals("CLOSED", closed.extensions().get("state"));
        assertEquals("open-action", closed.extensions().get("action"));
        assertEquals(List.of(), closed.extensions().get("allowedActions"));
    }

    @Test
    void anObservationIsClosedByTheAgencyOnceAndTakesNoActions() {
        Finding f = raised(FindingKind.OBSERVATION);
        assertEquals(List.of("close"), f.allowed());
        assertEquals("not-a-nonconformity", refused(422, f::requireOpenForActions).type());
        f.close(TODAY);
        assertEquals(FindingStatus.CLOSED, f.status);
        ProblemException again = refused(409, () -> f.close(TODAY));
        assertEquals("invalid-transition", again.type());
        assertEquals("CLOSED", again.extensions().get("state"));
    }

    @Test
    void anActionGoesOpenInProgressImplementedVerifiedClosed() {
        CorrectiveAction a = opened();
        assertEquals(ActionStatus.OPEN, a.status);
        assertEquals(List.of("start", "extend"), a.status.allowedKeys());
        a.start();
        assertEquals(ActionStatus.IN_PROGRESS, a.status);
        a.implement("Đã tập huấn ngày 01/12", NOW);
        assertEquals(ActionStatus.IMPLEMENTED, a.status);
        assertEquals(NOW, a.implementedAt);
        a.verify(true, "Kiểm tra 10 hồ sơ, đạt", "danh-gia-vien", TODAY);
        assertEquals(ActionStatus.VERIFIED_EFFECTIVE, a.status);
        assertEquals(TODAY, a.verifiedOn);
        a.close(TODAY);
        assertEquals(ActionStatus.CLOSED, a.status);
        assertEquals(List.of(), a.status.allowedKeys());
    }

    @Test
    void aNotEffectiveVerificationSendsTheActionBackAndTheOwnerNeverVerifies() {
        CorrectiveAction a = opened();
        a.start();
        a.implement("Đã tập huấn", NOW);
        assertEquals("verifier-is-owner", refused(422, () -> a.verify(true, "tự kiểm tra", "chuyen-vien", TODAY)).type());
        a.verify(false, "Còn 3 hồ sơ thiếu phiếu", "danh-gia-vien", TODAY);
        assertEquals(ActionStatus.IN_PROGRESS, a.status);
        assertFalse(a.effective);
    }

    @Test
    void refusedStepsNameTheStateTheStepAndWhatIsAllowed() {
        CorrectiveAction a = opened();
        ProblemException early = refused(409, () -> a.close(TODAY));
        assertEquals("OPEN", early.extensions().get("state"));
        assertEquals("close", early.extensions().get("action"));
        assertEquals(List.of("start", "extend"), early.extensions().get("allowedActions"));
        refused(409, () -> a.implement("chưa bắt đầu", NOW));
        refused(409, () -> a.verify(true, "", "danh-gia-vien", TODAY));
        a.start();
        refused(409, a::start);
        a.implement("xong", NOW);
        ProblemException late = refused(409, () -> a.extend(TODAY.plusDays(60)));
        assertEquals("IMPLEMENTED", late.extensions().get("state"));
        assertEquals(List.of("verify"), late.extensions().get("allowedActions"));
    }

    @Test
    void anActionStillOwedIsExtendedToALaterDayOnly() {
        CorrectiveAction a = opened();
        LocalDate due = a.dueDate;
        assertEquals(400, assertThrows(ProblemException.class, () -> a.extend(due)).status());
        a.extend(due.plusDays(15));
        assertEquals(due.plusDays(15), a.dueDate);
        assertTrue(a.overdue(due.plusDays(16)));
        assertFalse(a.overdue(due.plusDays(15)));
    }

    @Test
    void noActionIsOpenedForAClosedFindingOrAnObservation() {
        Finding closed = raised(FindingKind.MINOR_NONCONFORMITY);
        closed.closeWhenActionsDone(TODAY);
        refused(409, () -> CorrectiveAction.open(closed, "t", null, "r", "p", "o", TODAY.plusDays(5), "can-bo-iso", NOW));
        refused(422, () -> CorrectiveAction.open(raised(FindingKind.OPPORTUNITY_FOR_IMPROVEMENT), "t", null, "r", "p", "o",
                TODAY.plusDays(5), "can-bo-iso", NOW));
    }
}
