package vn.govqms.audit.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The ISO activity plan of one agency for one year. */
@Entity
@Table(name = "activity_plan")
public class ActivityPlan extends TrackedEntity {

    @Column(name = "agency_id", nullable = false)
    public UUID agencyId;
    @Column(nullable = false)
    public int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "created_by", nullable = false)
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
