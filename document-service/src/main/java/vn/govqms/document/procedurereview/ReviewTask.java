package vn.govqms.document.procedurereview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import vn.govqms.kit.persistence.VersionedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A procedure of an agency to review because a legal document or a TTHC it rests on changed. Updates write only
 * what changed, so the overdue mark (which leaves the version alone, {@link ReviewTaskQueries}) and a resolution or an
 * issue that completes the task do not overwrite each other.
 */
@Entity
@DynamicUpdate
@Table(name = "review_task")
public class ReviewTask extends VersionedEntity {

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Column(name = "document_id", nullable = false)
    public UUID documentId;
    /** The newest version that relied on the changed text when the task was created: issued, or still in flight. */
    @Column(name = "version_id", nullable = false)
    public UUID versionId;
    /** The TTHC through which the procedure relies on the changed legal document; null when it cites the document. */
    @Column(name = "via_procedure_id")
    public UUID viaProcedureId;
    /** LEGAL_DOCUMENT or ADMINISTRATIVE_PROCEDURE. */
    @Column(name = "cause_type", nullable = false)
    public String causeType;
    @Column(name = "cause_id", nullable = false)
    public UUID causeId;
    @Column(name = "cause_key", nullable = false)
    public String causeKey;
    @Column(name = "cause_kind", nullable = false)
    public String causeKind;
    @Column(name = "cause_summary", nullable = false)
    public String causeSummary;
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;
    @Enumerated(EnumType.STRING)
    public ReviewOutcome outcome;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "resolved_version_id")
    public UUID resolvedVersionId;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    /** Resolves an open or overdue task; a completed one is refused (409). */
    public void resolve(ReviewOutcome outcome, String note, UUID resolvedVersionId, String who, OffsetDateTime now) {
        if (status == ReviewStatus.COMPLETED) {
            throw ProblemException.invalidTransition("review task", status.name(), "resolve", List.of());
        }
        this.status = ReviewStatus.COMPLETED;
        this.outcome = outcome;
        this.resolutionNote = note;
        this.resolvedVersionId = resolvedVersionId;
        this.resolvedBy = who;
        this.resolvedAt = now;
    }

    public boolean resolvedOnTime() {
        return resolvedAt != null && !resolvedAt.toLocalDate().isAfter(dueDate);
    }
}
