package vn.govqms.document.procedurereview;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
public class ReviewTask extends VersionedEntity {

    public UUID agencyId;
    public UUID documentId;
    /** The newest version that relied on the changed text when the task was created: issued, or still in flight. */
    public UUID versionId;
    /** The TTHC through which the procedure relies on the changed legal document; null when it cites the document. */
    public UUID viaProcedureId;
    /** LEGAL_DOCUMENT or ADMINISTRATIVE_PROCEDURE. */
    public String causeType;
    public UUID causeId;
    public String causeKey;
    public String causeKind;
    public String causeSummary;
    public LocalDate effectiveDate;
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public ReviewStatus status;
    @Enumerated(EnumType.STRING)
    public ReviewOutcome outcome;
    public String resolutionNote;
    public UUID resolvedVersionId;
    public String resolvedBy;
    public OffsetDateTime resolvedAt;
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
