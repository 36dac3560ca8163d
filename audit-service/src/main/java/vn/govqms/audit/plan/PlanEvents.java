package vn.govqms.audit.plan;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Activity-plan facts on {@code audit.events}, keyed by agency id. */
public final class PlanEvents {

    public static final String TOPIC = "audit.events";
    public static final String APPROVED = EventTypes.of("audit", "activity-plan.approved");
    public static final String OVERDUE = EventTypes.of("audit", "activity.overdue");
    public static final String DONE = EventTypes.of("audit", "activity.done");

    private PlanEvents() {
    }

    public record ItemData(UUID itemId, String kind, String title, LocalDate plannedDate, String owner) {
    }

    public record ApprovedData(UUID planId, UUID agencyId, int year, String approvedBy, OffsetDateTime approvedAt,
                               List<ItemData> items) {
    }

    /** activity.done: from {@link #done} when a user completes an item, set-based from these fields by {@link PlanLinks}. */
    public record DoneData(UUID planId, UUID itemId, UUID agencyId, int year, String kind, LocalDate doneDate) {
    }

    /** activity.overdue (written set-based by {@link ActivityOverdue}, its payload built from these fields). */
    public record OverdueData(UUID planId, UUID itemId, UUID agencyId, int year, String kind, String title, String owner,
                              LocalDate plannedDate, int daysOverdue) {
    }

    static OutgoingEvent approved(ActivityPlan p, List<ActivityItem> items) {
        return OutgoingEvent.of(TOPIC, p.agencyId.toString(), APPROVED, "activity-plans/" + p.id, p.approvedAt,
                new ApprovedData(p.id, p.agencyId, p.year, p.approvedBy, p.approvedAt, items.stream()
                        .map(i -> new ItemData(i.id, i.kind.name(), i.title, i.plannedDate, i.owner)).toList()));
    }

    static OutgoingEvent done(ActivityPlan p, ActivityItem i, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, p.agencyId.toString(), DONE, "activity-plans/" + p.id + "/items/" + i.id, now,
                new DoneData(p.id, i.id, p.agencyId, p.year, i.kind.name(), i.doneDate));
    }
}
