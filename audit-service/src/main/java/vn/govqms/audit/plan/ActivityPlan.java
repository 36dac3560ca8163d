package vn.govqms.audit.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The ISO activity plan of one agency for one year. */
@Entity
public class ActivityPlan extends TrackedEntity {

    public UUID agencyId;
    public int year;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    public String approvedBy;
    public OffsetDateTime approvedAt;
    public String createdBy;

    public static ActivityPlan draft(UUID agencyId, int year, String who, OffsetDateTime now) {
        ActivityPlan p = new ActivityPlan();
        p.id = UUID.randomUUID();
        p.agencyId = agencyId;
        p.year = year;
        p.status = PlanStatus.DRAFT;
        p.createdBy = who;
        p.createdAt = now;
        return p;
    }

    /** Items are edited while the plan is a draft. */
    public void requireEditable(String action) {
        if (status != PlanStatus.DRAFT) {
            throw ProblemException.invalidTransition("activity plan", status.name(), action, status.allowed());
        }
    }

    public void approve(String who, OffsetDateTime now) {
        if (status != PlanStatus.DRAFT) {
            throw ProblemException.invalidTransition("activity plan", status.name(), "approve", status.allowed());
        }
        status = PlanStatus.APPROVED;
        approvedBy = who;
        approvedAt = now;
    }
}
