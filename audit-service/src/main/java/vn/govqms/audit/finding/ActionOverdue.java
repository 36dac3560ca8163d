package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.AuditConfig;
import vn.govqms.kit.outbox.EventRows;
import vn.govqms.kit.schedule.Sweeps;
import vn.govqms.kit.outbox.Outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Announces open corrective actions past their due date ({@code corrective-action.overdue}), once per
 * action, due date and escalation step reached (1, 15, 30 days by default). An action found late by
 * several steps at once is announced at the highest only. One statement: idempotent, safe with
 * several instances; an extended due date starts afresh.
 */
@ApplicationScoped
public class ActionOverdue {

    /** The highest step each open action past due has reached (the steps formatted in), and its announcement if new. */
    private static final String ESCALATE = """
            reached as (
                select a.id, a.finding_id, a.agency_id, a.owner, a.title, a.due_date,
                       cast(?1 as date) - a.due_date as days,
                       (select max(s) from unnest(array[%s]) s where s <= cast(?1 as date) - a.due_date) as step
                from corrective_action a
                where a.status in ('OPEN', 'IN_PROGRESS') and a.due_date < cast(?1 as date)
            ), fresh as (
                insert into corrective_action_escalation (action_id, due_date, step, announced_at)
                select r.id, r.due_date, r.step, cast(?2 as timestamptz) from reached r
                where r.step is not null and not exists (select 1 from corrective_action_escalation e
                      where e.action_id = r.id and e.due_date = r.due_date and e.step >= r.step)
                on conflict do nothing
                returning action_id, step
            )""";

    /** The events' rows: {@link FindingEvents.OverdueData} of each announcement. */
    private static final String EVENTS = """
            select o.agency_id::text as message_key, 'corrective-actions/' || o.action_id as subject, %s as payload
            from (select r.id as action_id, r.finding_id, r.agency_id, r.owner, r.title, r.due_date, r.days as days_overdue,
                         f.step as escalation_step
                  from fresh f join reached r on r.id = f.action_id) o"""
            .formatted(EventRows.payload(FindingEvents.OverdueData.class, "o"));

    private final Outbox outbox;
    private final Clock clock;
    private final String escalate;

    public ActionOverdue(Outbox outbox, Clock clock, AuditConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        String steps = config.escalationSteps().stream().filter(s -> s > 0).map(String::valueOf).collect(Collectors.joining(","));
        this.escalate = ESCALATE.formatted(steps.isEmpty() ? "1" : steps);
    }

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 4, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Sweeps.logged(Panache.withTransaction(() -> Panache.getSession().chain(s -> outbox.publish(s,
                        EventRows.of(FindingEvents.TOPIC, FindingEvents.OVERDUE, now).with(escalate).select(EVENTS)
                                .params(now.toLocalDate(), now)))),
                "%d corrective actions announced overdue", "corrective-action overdue check");
    }
}
