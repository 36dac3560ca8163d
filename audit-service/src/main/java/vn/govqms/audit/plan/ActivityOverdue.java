package vn.govqms.audit.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.outbox.EventRows;
import vn.govqms.kit.schedule.Sweeps;
import vn.govqms.kit.outbox.Outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Items of approved plans past their planned date without a done date become overdue, once each
 * ({@code activity.overdue}), in one statement with their outbox rows: idempotent, safe with
 * several instances. The mark leaves the item's version alone: it is the system's note, not a change
 * a client's completion of the item could conflict with (the completion writes only what it changes,
 * {@link ActivityItem}).
 */
@ApplicationScoped
public class ActivityOverdue {

    private static final String LATE = """
            late as (
                update activity_item i set overdue_at = cast(?2 as timestamptz)
                from activity_plan p
                where p.id = i.plan_id and p.status = 'APPROVED' and i.done_date is null and i.overdue_at is null
                  and i.planned_date < cast(?1 as date)
                returning i.id, i.plan_id, i.agency_id, p.year, i.kind, i.title, i.owner, i.planned_date
            )""";

    /** The events' rows: {@link PlanEvents.OverdueData} of each item marked. */
    private static final String EVENTS = """
            select o.agency_id::text as message_key, 'activity-plans/' || o.plan_id || '/items/' || o.item_id as subject,
                   %s as payload
            from (select l.plan_id, l.id as item_id, l.agency_id, l.year, l.kind, l.title, l.owner, l.planned_date,
                         cast(?1 as date) - l.planned_date as days_overdue
                  from late l) o""".formatted(EventRows.payload(PlanEvents.OverdueData.class, "o"));

    @Inject Outbox outbox;
    @Inject Clock clock;

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 3, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Sweeps.logged(Panache.withTransaction(() -> Panache.getSession().chain(s -> outbox.publish(s,
                        EventRows.of(PlanEvents.TOPIC, PlanEvents.OVERDUE, now).with(LATE).select(EVENTS)
                                .params(now.toLocalDate(), now)))),
                "%d planned activities became overdue", "activity overdue check");
    }
}
