package vn.govqms.audit.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private static final String MARK = """
            with late as (
                update activity_item i set overdue_at = cast(?2 as timestamptz)
                from activity_plan p
                where p.id = i.plan_id and p.status = 'APPROVED' and i.done_date is null and i.overdue_at is null
                  and i.planned_date < cast(?1 as date)
                returning i.id, i.plan_id, i.agency_id, p.year, i.kind, i.title, i.owner, i.planned_date
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'audit.events', l.agency_id::text, cast(?3 as text), cast(?4 as text),
                   'activity-plans/' || l.plan_id || '/items/' || l.id, cast(?2 as timestamptz),
                   json_build_object('planId', l.plan_id, 'itemId', l.id, 'agencyId', l.agency_id, 'year', l.year,
                                     'kind', l.kind, 'title', l.title, 'owner', l.owner, 'plannedDate', l.planned_date,
                                     'daysOverdue', cast(?1 as date) - l.planned_date)::text
            from late l""";

    private final Outbox outbox;
    private final Clock clock;

    public ActivityOverdue(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 3, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(MARK)
                        .setParameter(1, now.toLocalDate())
                        .setParameter(2, now)
                        .setParameter(3, PlanEvents.OVERDUE)
                        .setParameter(4, outbox.source())
                        .executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d planned activities became overdue", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("activity overdue check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
