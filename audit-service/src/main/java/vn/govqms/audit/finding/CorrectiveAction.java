package vn.govqms.audit.finding;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A corrective action for a nonconformity: containment, root cause, action, owner, due date, verification. */
@Entity
public class CorrectiveAction extends TrackedEntity {

    public UUID findingId;
    public UUID agencyId;
    public String title;
    public String containment;
    public String rootCause;
    public String actionPlan;
    public String owner;
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public ActionStatus status;
    public String implementationNote;
    public OffsetDateTime implementedAt;
    public String verifiedBy;
    public LocalDate verifiedOn;
    public String verificationNote;
    public Boolean effective;
    public LocalDate closedOn;
    public String createdBy;

    /** Opens an action for a nonconformity still open (422 for another kind of finding, 409 for a closed one). */
    public static CorrectiveAction open(Finding finding, String title, String containment, String rootCause, String actionPlan,
                                        String owner, LocalDate dueDate, String who, OffsetDateTime now) {
        finding.requireOpenForActions();
        CorrectiveAction a = new CorrectiveAction();
        a.id = UUID.randomUUID();
        a.findingId = finding.id;
        a.agencyId = finding.agencyId;
        a.title = title;
        a.containment = containment;
        a.rootCause = rootCause;
        a.actionPlan = actionPlan;
        a.owner = owner;
        a.dueDate = dueDate;
        a.status = ActionStatus.OPEN;
        a.createdBy = who;
        a.createdAt = now;
        return a;
    }

    /** Refuses a step the status does not allow, saying which are allowed (409). */
    public void require(ActionStep step) {
        if (!status.allowed().contains(step)) {
            throw ProblemException.invalidTransition("corrective action", status.name(), step.key(), status.allowedKeys());
        }
    }

    public void start() {
        require(ActionStep.START);
        status = ActionStatus.IN_PROGRESS;
    }

    public void implement(String note, OffsetDateTime now) {
        require(ActionStep.IMPLEMENT);
        status = ActionStatus.IMPLEMENTED;
        implementationNote = note;
        implementedAt = now;
    }

    /** Verification by an auditor who is not the owner: effective, or back to in progress (422 for the owner). */
    public void verify(boolean effective, String note, String verifier, LocalDate today) {
        require(ActionStep.VERIFY);
        if (verifier.equals(owner)) {
            throw ProblemException.unprocessable("verifier-is-owner", "Verifier is the owner",
                    "The owner of a corrective action (" + owner + ") cannot verify it; another auditor must.", Map.of("owner", owner));
        }
        this.effective = effective;
        verificationNote = note;
        verifiedBy = verifier;
        verifiedOn = today;
        status = effective ? ActionStatus.VERIFIED_EFFECTIVE : ActionStatus.IN_PROGRESS;
    }

    public void close(LocalDate today) {
        require(ActionStep.CLOSE);
        status = ActionStatus.CLOSED;
        closedOn = today;
    }

    /** A later due date while the action is still owed (400 for a date not after the current one). */
    public void extend(LocalDate newDue) {
        require(ActionStep.EXTEND);
        if (!newDue.isAfter(dueDate)) {
            throw ProblemException.invalidField("newDueDate", "must be after the current due date " + dueDate);
        }
        dueDate = newDue;
    }

    public boolean overdue(LocalDate today) {
        return status.active() && dueDate.isBefore(today);
    }
}
