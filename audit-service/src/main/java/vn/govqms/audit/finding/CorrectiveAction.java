package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A corrective action for a nonconformity: containment, root cause, action, owner, due date, verification. */
@Entity
@Table(name = "corrective_action")
public class CorrectiveAction extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "finding_id", nullable = false)
    public UUID findingId;
    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Column(nullable = false)
    public String title;
    public String containment;
    @Column(name = "root_cause", nullable = false)
    public String rootCause;
    @Column(name = "action_plan", nullable = false)
    public String actionPlan;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;
    @Column(name = "implementation_note")
    public String implementationNote;
    @Column(name = "implemented_at")
    public OffsetDateTime implementedAt;
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_on")
    public LocalDate verifiedOn;
    @Column(name = "verification_note")
    public String verificationNote;
    public Boolean effective;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    private void require(String action, ActionStatus expected) {
        if (status != expected) {
            throw ProblemException.invalidTransition("corrective action", status.name(), action, status.allowed());
        }
    }

    public void start(OffsetDateTime now) {
        require("start", ActionStatus.OPEN);
        status = ActionStatus.IN_PROGRESS;
        updatedAt = now;
    }

    public void implement(String note, OffsetDateTime now) {
        require("implement", ActionStatus.IN_PROGRESS);
        status = ActionStatus.IMPLEMENTED;
        implementationNote = note;
        implementedAt = now;
        updatedAt = now;
    }

    /** Verification by an auditor who is not the owner: effective, or back to in progress. */
    public void verify(boolean effective, String note, String verifier, OffsetDateTime now) {
        require("verify", ActionStatus.IMPLEMENTED);
        if (verifier.equals(owner)) {
            throw ProblemException.unprocessable("verifier-is-owner", "Verifier is the owner",
                    "The owner of a corrective action (" + owner + ") cannot verify it; another auditor must.",
                    java.util.Map.of("owner", owner));
        }
        this.effective = effective;
        verificationNote = note;
        verifiedBy = verifier;
        verifiedOn = now.toLocalDate();
        status = effective ? ActionStatus.VERIFIED_EFFECTIVE : ActionStatus.IN_PROGRESS;
        updatedAt = now;
    }

    public void close(OffsetDateTime now) {
        require("close", ActionStatus.VERIFIED_EFFECTIVE);
        status = ActionStatus.CLOSED;
        closedOn = now.toLocalDate();
        updatedAt = now;
    }

    public void extend(LocalDate newDue, OffsetDateTime now) {
        if (!status.active()) {
            throw ProblemException.invalidTransition("corrective action", status.name(), "extend", status.allowed());
        }
        if (!newDue.isAfter(dueDate)) {
            throw ProblemException.invalidField("newDueDate", "must be after the current due date " + dueDate);
        }
        dueDate = newDue;
        updatedAt = now;
    }

    public boolean overdue(LocalDate today) {
        return status.active() && dueDate.isBefore(today);
    }
}
