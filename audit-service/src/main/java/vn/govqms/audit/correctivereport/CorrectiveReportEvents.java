package vn.govqms.audit.correctivereport;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Corrective-action report facts on {@code audit.events}, keyed by agency id. */
public final class CorrectiveReportEvents {

    public static final String TOPIC = "audit.events";
    public static final String OWED = EventTypes.of("audit", "corrective-report.owed");
    public static final String SUBMITTED = EventTypes.of("audit", "corrective-report.submitted");
    public static final String ACCEPTED = EventTypes.of("audit", "corrective-report.accepted");
    public static final String RETURNED = EventTypes.of("audit", "corrective-report.returned");
    public static final String OVERDUE = EventTypes.of("audit", "corrective-report.overdue");

    private CorrectiveReportEvents() {
    }

    public record OwedData(UUID reportId, UUID auditId, UUID agencyId, String title, LocalDate minutesDate, LocalDate dueDate) {
    }

    public record SubmittedData(UUID reportId, UUID auditId, UUID agencyId, String documentNumber, int submission,
                                String submittedBy, OffsetDateTime submittedAt, LocalDate dueDate, boolean late) {
    }

    public record AcceptedData(UUID reportId, UUID auditId, UUID agencyId, String acceptedBy, OffsetDateTime acceptedAt) {
    }

    public record ReturnedData(UUID reportId, UUID auditId, UUID agencyId, String returnedBy, OffsetDateTime returnedAt,
                               String reason, LocalDate dueDate) {
    }

    public record OverdueData(UUID reportId, UUID auditId, UUID agencyId, String title, LocalDate dueDate, int daysOverdue,
                              int escalationStep) {
    }

    static final String TITLE = "Báo cáo kết quả khắc phục sau kiểm tra";

    static OutgoingEvent owed(CorrectiveReport r, OffsetDateTime now) {
        return of(r, OWED, now, new OwedData(r.id, r.auditId, r.agencyId, TITLE, r.minutesDate, r.dueDate));
    }

    static OutgoingEvent submitted(CorrectiveReport r, OffsetDateTime now) {
        return of(r, SUBMITTED, now, new SubmittedData(r.id, r.auditId, r.agencyId, r.documentNumber, r.submissions, r.submittedBy,
                r.submittedAt, r.dueDate, r.submittedAt.toLocalDate().isAfter(r.dueDate)));
    }

    static OutgoingEvent accepted(CorrectiveReport r, OffsetDateTime now) {
        return of(r, ACCEPTED, now, new AcceptedData(r.id, r.auditId, r.agencyId, r.decidedBy, r.decidedAt));
    }

    static OutgoingEvent returned(CorrectiveReport r, OffsetDateTime now) {
        return of(r, RETURNED, now, new ReturnedData(r.id, r.auditId, r.agencyId, r.decidedBy, r.decidedAt, r.returnReason, r.dueDate));
    }

    static OutgoingEvent overdue(UUID id, UUID auditId, UUID agencyId, LocalDate due, int days, int step, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, agencyId.toString(), OVERDUE, "corrective-reports/" + id, now,
                new OverdueData(id, auditId, agencyId, TITLE, due, days, step));
    }

    private static OutgoingEvent of(CorrectiveReport r, String type, OffsetDateTime now, Object data) {
        return OutgoingEvent.of(TOPIC, r.agencyId.toString(), type, "corrective-reports/" + r.id, now, data);
    }
}
