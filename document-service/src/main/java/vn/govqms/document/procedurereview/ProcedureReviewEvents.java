package vn.govqms.document.procedurereview;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Review facts on {@code document.events}, keyed by agency id. {@code procedure-review.required},
 * {@code procedure-review.rescheduled} and {@code procedure-review.overdue} are written set-based
 * ({@link ReviewTaskQueries}), their payloads built in SQL from the fields of {@link RequiredData}, {@link RescheduledData} and
 * {@link OverdueData} ({@code EventRows.payload}).
 */
public final class ProcedureReviewEvents {

    public static final String TOPIC = "document.events";
    public static final String REQUIRED = EventTypes.of("document", "procedure-review.required");
    public static final String COMPLETED = EventTypes.of("document", "procedure-review.completed");
    public static final String OVERDUE = EventTypes.of("document", "procedure-review.overdue");
    public static final String RESCHEDULED = EventTypes.of("document", "procedure-review.rescheduled");

    private ProcedureReviewEvents() {
    }

    /** procedure-review.required (written set-based: {@link ReviewTaskQueries}). */
    public record RequiredData(UUID taskId, UUID agencyId, UUID documentId, String documentCode, String documentTitle,
                               int revision, String causeType, UUID causeId, String causeKind, String causeSummary,
                               UUID viaProcedureId, LocalDate effectiveDate, LocalDate dueDate) {
    }

    /**
     * procedure-review.rescheduled (written set-based: {@link ReviewTaskQueries}): the change that caused an
     * open task was re-dated, its due date moved; {@code status} is the task's after the move (an overdue task whose
     * new due date is still ahead is open again).
     */
    public record RescheduledData(UUID taskId, UUID agencyId, UUID documentId, String documentCode, int revision,
                                  String causeType, UUID causeId, String causeKind, String causeSummary,
                                  LocalDate previousEffectiveDate, LocalDate effectiveDate, LocalDate previousDueDate,
                                  LocalDate dueDate, String status) {
    }

    /** procedure-review.overdue (written set-based: {@link ReviewTaskQueries}). */
    public record OverdueData(UUID taskId, UUID agencyId, UUID documentId, String documentCode, LocalDate dueDate,
                              int daysOverdue, String causeSummary) {
    }

    public record CompletedData(UUID taskId, UUID agencyId, UUID documentId, String outcome, LocalDate dueDate,
                                boolean onTime, OffsetDateTime resolvedAt, String resolvedBy) {
    }

    static OutgoingEvent completed(ReviewTask t, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, t.agencyId.toString(), COMPLETED, "review-tasks/" + t.id, now,
                new CompletedData(t.id, t.agencyId, t.documentId, t.outcome.name(), t.dueDate, t.resolvedOnTime(), t.resolvedAt,
                        t.resolvedBy));
    }
}
