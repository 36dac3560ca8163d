package vn.govqms.document.controlled;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

/** One revision of a controlled document, moving through its lifecycle ({@link VersionStatus}). */
@Entity
public class DocumentVersion extends TrackedEntity {

    public UUID documentId;
    public int revision;

    @Enumerated(EnumType.STRING)
    public VersionStatus status;

    /** The structured content ({@code DocumentContent}) as JSON ({@code jsonb}). */
    @ColumnTransformer(read = "cast(content as text)", write = JsonColumn.WRITE)
    public String content;
    public UUID tthcProcedureId;
    public LocalDate effectiveDate;
    public String abolishedReason;
    public String submittedBy;
    public OffsetDateTime submittedAt;
    public String approvedBy;
    public OffsetDateTime approvedAt;
    public String issuedBy;
    public OffsetDateTime issuedAt;

    public static DocumentVersion draft(UUID documentId, int revision, String content, UUID tthcProcedureId, OffsetDateTime now) {
        DocumentVersion v = new DocumentVersion();
        v.id = UUID.randomUUID();
        v.documentId = documentId;
        v.revision = revision;
        v.status = VersionStatus.DRAFT;
        v.content = content;
        v.tthcProcedureId = tthcProcedureId;
        v.createdAt = now;
        return v;
    }

    /** Refuses an action the status does not allow, saying which are allowed (409). */
    public void require(VersionAction action) {
        if (!status.allowed().contains(action)) {
            throw ProblemException.invalidTransition("document version", status.name(), action.name().toLowerCase(),
                    status.allowed().stream().map(a -> a.name().toLowerCase()).toList());
        }
    }

    public void edit(String content, UUID tthcProcedureId) {
        require(VersionAction.EDIT);
        this.content = content;
        this.tthcProcedureId = tthcProcedureId;
        touch();
    }

    public void submit(String who, OffsetDateTime now) {
        require(VersionAction.SUBMIT);
        status = VersionStatus.IN_REVIEW;
        submittedBy = who;
        submittedAt = now;
    }

    public void returnToDraft() {
        require(VersionAction.RETURN);
        status = VersionStatus.DRAFT;
        approvedBy = null;
        approvedAt = null;
    }

    public void approve(String who, OffsetDateTime now) {
        require(VersionAction.APPROVE);
        status = VersionStatus.APPROVED;
        approvedBy = who;
        approvedAt = now;
    }

    public void issue(String who, LocalDate effective, OffsetDateTime now) {
        require(VersionAction.ISSUE);
        status = VersionStatus.ISSUED;
        effectiveDate = effective;
        issuedBy = who;
        issuedAt = now;
    }

    /** Issued at some time (in force now, superseded or abolished since): what an outside system may read. */
    public boolean wasIssued() {
        return issuedAt != null;
    }

    /** The next issued version takes its place. */
    public void supersede() {
        status = VersionStatus.SUPERSEDED;
    }

    public void abolish(String reason) {
        require(VersionAction.ABOLISH);
        status = VersionStatus.ABOLISHED;
        abolishedReason = reason;
    }
}
