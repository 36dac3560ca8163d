package vn.govqms.audit.managementreview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.govqms.kit.persistence.VersionedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An action a management review decided (an output naming an owner and a due date), until it is done. */
@Entity
@Table(name = "management_review_action")
public class ManagementReviewAction extends VersionedEntity {

    @Column(name = "review_id", nullable = false)
    public UUID reviewId;
    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewOutput kind;
    @Column(nullable = false)
    public String decision;
    @Column(nullable = false)
    public String owner;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    /** OPEN or DONE. */
    @Column(nullable = false)
    public String status;
    @Column(name = "done_on")
    public LocalDate doneOn;
    @Column(name = "done_note")
    public String doneNote;
    @Column(name = "done_by")
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
