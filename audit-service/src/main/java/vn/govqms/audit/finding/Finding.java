package vn.govqms.audit.finding;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.audit.internalaudit.AuditKind;
import vn.govqms.kit.persistence.VersionedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A finding of an audit: a clause, a kind, what was seen. */
@Entity
public class Finding extends VersionedEntity {

    static final String OPEN_ACTION = "open-action";
    static final String CLOSE = "close";

    public UUID auditId;
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    public AuditKind auditKind;
    public String clause;
    @Enumerated(EnumType.STRING)
    public FindingKind kind;
    public String description;
    public String evidence;
    public UUID procedureId;
    @Enumerated(EnumType.STRING)
    public FindingStatus status;
    public String raisedBy;
    public LocalDate raisedOn;
    public LocalDate closedOn;

    public static Finding raise(Audit audit, String clause, FindingKind kind, String description, String evidence, UUID procedureId,
                                String who, OffsetDateTime now) {
        Finding f = new Finding();
        f.id = UUID.randomUUID();
        f.auditId = audit.id;
        f.agencyId = audit.agencyId;
        f.auditKind = audit.kind;
        f.clause = clause;
        f.kind = kind;
        f.description = description;
        f.evidence = evidence;
        f.procedureId = procedureId;
        f.status = FindingStatus.OPEN;
        f.raisedBy = who;
        f.raisedOn = now.toLocalDate();
        f.createdAt = now;
        return f;
    }

    /**
     * What may be done now: a nonconformity still open takes corrective actions and closes when they are all verified
     * effective; another finding still open is closed by the agency; a closed finding takes nothing.
     */
    public List<String> allowed() {
        if (status == FindingStatus.CLOSED) {
            return List.of();
        }
        return kind.nonconformity() ? List.of(OPEN_ACTION) : List.of(CLOSE);
    }

    /** 422 unless a nonconformity, 409 once closed. */
    public void requireOpenForActions() {
        if (!kind.nonconformity()) {
            throw ProblemException.unprocessable("not-a-nonconformity", "Not a nonconformity",
                    "Corrective actions are opened for nonconformities; this finding is " + kind.name() + " (" + kind.label() + ").",
                    Map.of("kind", kind.name()));
        }
        require(OPEN_ACTION);
    }

    /** The agency closes an observation or an opportunity for improvement once acted on (422 for a nonconformity). */
    public void close(LocalDate today) {
        if (kind.nonconformity()) {
            throw ProblemException.unprocessable("closes-with-actions", "Closed by its corrective actions",
                    "A nonconformity closes when all its corrective actions are verified effective.", Map.of("kind", kind.name()));
        }
        require(CLOSE);
        status = FindingStatus.CLOSED;
        closedOn = today;
    }

    /** A nonconformity whose corrective actions are all verified effective closes; false when it was already closed. */
    public boolean closeWhenActionsDone(LocalDate today) {
        if (status == FindingStatus.CLOSED) {
            return false;
        }
        status = FindingStatus.CLOSED;
        closedOn = today;
        return true;
    }

    private void require(String action) {
        if (!allowed().contains(action)) {
            throw ProblemException.invalidTransition("finding", status.name(), action, allowed());
        }
    }
}
