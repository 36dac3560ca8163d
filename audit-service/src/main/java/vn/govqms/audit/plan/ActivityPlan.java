package vn.govqms.audit.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.govqms.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The ISO activity plan of one agency for one year. */
@Entity
@Table(name = "activity_plan")
public class ActivityPlan extends PanacheEntityBase {

    @Id
    public UUID id;
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
    @Version
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static ActivityPlan draft(UUID agencyId, int year, String who, OffsetDateTime now) {
        ActivityPlan p = new ActivityPlan();
        p.id = UUID.randomUUID();
        p.agencyId = agencyId;
        p.year = year;
        p.status = PlanStatus.DRAFT;
        p.createdBy = who;
        p.createdAt = now;
        p.updatedAt = now;
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
        updatedAt = now;
    }
}
