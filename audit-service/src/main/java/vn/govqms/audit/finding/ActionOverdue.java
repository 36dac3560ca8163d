package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.AuditConfig;
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

    private static final String ESCALATE = """
            with reached as (
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
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'audit.events', r.agency_id::text, cast(?3 as text), cast(?4 as text),
                   'corrective-actions/' || r.id, cast(?2 as timestamptz),
                   json_build_object('actionId', r.id, 'findingId', r.finding_id, 'agencyId', r.agency_id, 'owner', r.owner,
                                     'title', r.title, 'dueDate', r.due_date, 'daysOverdue', r.days,
                                     'escalationStep', f.step)::text
            from fresh f join reached r on r.id = f.action_id""";

    private final Outbox outbox;
    private final Clock clock;
    private final String sql;

    public ActionOverdue(Outbox outbox, Clock clock, AuditConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        String steps = config.escalationSteps().stream().filter(s -> s > 0).map(String::valueOf).collect(Collectors.joining(","));
        this.sql = ESCALATE.formatted(steps.isEmpty() ? "1" : steps);
    }

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 4, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql)
                        .setParameter(1, now.toLocalDate())
                        .setParameter(2, now)
                        .setParameter(3, FindingEvents.OVERDUE)
                        .setParameter(4, outbox.source())
                        .executeUpdate()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d corrective actions announced overdue", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("corrective-action overdue check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
