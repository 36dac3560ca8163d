package vn.govqms.audit.managementreview;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.VersionedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An action a management review decided (an output naming an owner and a due date), until it is done. */
@Entity
public class ManagementReviewAction extends VersionedEntity {

    public UUID reviewId;
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    public ReviewOutput kind;
    public String decision;
    public String owner;
    public LocalDate dueDate;
    /** OPEN or DONE. */
    public String status;
    public LocalDate doneOn;
    public String doneNote;
    public String doneBy;

    public void complete(LocalDate on, String note, String who) {
        if (!"OPEN".equals(status)) {
            throw ProblemException.invalidTransition("management review action", status, "complete", List.of());
        }
        status = "DONE";
        doneOn = on;
        doneNote = note;
        doneBy = who;
    }
}
