package vn.govqms.audit.finding;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Finding and corrective-action facts on {@code audit.events}, keyed by agency id. */
public final class FindingEvents {

    public static final String TOPIC = "audit.events";
    public static final String RAISED = EventTypes.of("audit", "finding.raised");
    public static final String CLOSED = EventTypes.of("audit", "finding.closed");
    public static final String OPENED = EventTypes.of("audit", "corrective-action.opened");
    public static final String VERIFIED = EventTypes.of("audit", "corrective-action.verified");
    public static final String ACTION_CLOSED = EventTypes.of("audit", "corrective-action.closed");
    public static final String OVERDUE = EventTypes.of("audit", "corrective-action.overdue");

    private FindingEvents() {
    }

    public record RaisedData(UUID findingId, UUID auditId, UUID agencyId, String auditKind, String clause, String kind,
                             String description) {
    }

    public record ClosedData(UUID findingId, UUID auditId, UUID agencyId, String kind, LocalDate closedOn) {
    }

    public record OpenedData(UUID actionId, UUID findingId, UUID agencyId, String findingKind, String owner, String title,
                             LocalDate dueDate) {
    }

    public record VerifiedData(UUID actionId, UUID findingId, UUID agencyId, boolean effective, String verifiedBy,
                               LocalDate verifiedOn) {
    }

    public record ActionClosedData(UUID actionId, UUID findingId, UUID agencyId, LocalDate closedOn) {
    }

    /** corrective-action.overdue (written set-based by {@link ActionOverdue}, its payload built from these fields). */
    public record OverdueData(UUID actionId, UUID findingId, UUID agencyId, String owner, String title, LocalDate dueDate,
                              int daysOverdue, int escalationStep) {
    }

    static OutgoingEvent raised(Finding f, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, f.agencyId.toString(), RAISED, "findings/" + f.id, now,
                new RaisedData(f.id, f.auditId, f.agencyId, f.auditKind.name(), f.clause, f.kind.name(), f.description));
    }

    static OutgoingEvent closed(Finding f, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, f.agencyId.toString(), CLOSED, "findings/" + f.id, now,
                new ClosedData(f.id, f.auditId, f.agencyId, f.kind.name(), f.closedOn));
    }

    static OutgoingEvent opened(CorrectiveAction a, Finding f, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), OPENED, "corrective-actions/" + a.id, now,
                new OpenedData(a.id, a.findingId, a.agencyId, f.kind.name(), a.owner, a.title, a.dueDate));
    }

    static OutgoingEvent verified(CorrectiveAction a, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), VERIFIED, "corrective-actions/" + a.id, now,
                new VerifiedData(a.id, a.findingId, a.agencyId, Boolean.TRUE.equals(a.effective), a.verifiedBy, a.verifiedOn));
    }

    static OutgoingEvent actionClosed(CorrectiveAction a, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.agencyId.toString(), ACTION_CLOSED, "corrective-actions/" + a.id, now,
                new ActionClosedData(a.id, a.findingId, a.agencyId, a.closedOn));
    }
}
