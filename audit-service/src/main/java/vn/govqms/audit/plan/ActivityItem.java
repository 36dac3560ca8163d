package vn.govqms.audit.plan;

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
 * One activity of a yearly plan: what, by when, who, and when it was done with what evidence. Updates write only the
 * columns they change, so a completion read before the overdue check marked the item keeps the mark ({@code overdue_at}
 * is written by {@link ActivityOverdue} alone, without a new version).
 */
@Entity
@DynamicUpdate
public class ActivityItem extends VersionedEntity {

    public UUID planId;
    public UUID agencyId;
    @Enumerated(EnumType.STRING)
    public ActivityKind kind;
    public String title;
    public LocalDate plannedDate;
    public String owner;
    public LocalDate doneDate;
    public String evidence;
    public String doneBy;
    public OffsetDateTime overdueAt;

    public static ActivityItem of(ActivityPlan plan, ActivityKind kind, String title, LocalDate planned, String owner,
                                  OffsetDateTime now) {
        ActivityItem i = new ActivityItem();
        i.id = UUID.randomUUID();
        i.planId = plan.id;
        i.agencyId = plan.agencyId;
        i.kind = kind;
        i.title = title;
        i.plannedDate = planned;
        i.owner = owner;
        i.createdAt = now;
        return i;
    }

    public void complete(LocalDate done, String evidence, String who) {
        if (doneDate != null) {
            throw ProblemException.invalidTransition("activity", "DONE", "complete", List.of());
        }
        this.doneDate = done;
        this.evidence = evidence;
        this.doneBy = who;
    }

    /** DONE, OVERDUE or PLANNED. */
    public String state() {
        return doneDate != null ? "DONE" : overdueAt != null ? "OVERDUE" : "PLANNED";
    }
}
