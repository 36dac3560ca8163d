package vn.govqms.audit.correctivereport;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.AuditConfig;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.schedule.Sweeps;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Escalates corrective-action reports still owed (never submitted, or returned) past their due date
 * ({@code corrective-report.overdue}), once per report, due date and escalation step reached (the corrective actions'
 * steps, 1, 15, 30 days by default); a report late by several steps at once is announced at the highest only. One
 * statement records the steps reached (the primary key makes it idempotent and safe with several instances) and returns
 * them; their events go to the kit's outbox in the same transaction.
 */
@ApplicationScoped
public class CorrectiveReportOverdue {

    private static final String ESCALATE = """
            with reached as (
                select r.id, r.audit_id, r.agency_id, r.due_date, $1::date - r.due_date as days,
                       (select max(s) from unnest($3::int[]) s where s <= $1::date - r.due_date) as step
                from corrective_report r
                where r.status in ('OWED', 'RETURNED') and r.due_date < $1::date
            )
            insert into corrective_report_escalation (report_id, due_date, step, announced_at)
            select r.id, r.due_date, r.step, $2 from reached r
            where r.step is not null and not exists (select 1 from corrective_report_escalation e
                  where e.report_id = r.id and e.due_date = r.due_date and e.step >= r.step)
            on conflict do nothing
            returning report_id, step, due_date,
                      (select audit_id from corrective_report c where c.id = report_id) as audit_id,
                      (select agency_id from corrective_report c where c.id = report_id) as agency_id""";

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final Integer[] steps;

    public CorrectiveReportOverdue(Pool pool, Outbox outbox, Clock clock, AuditConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        Integer[] configured = config.escalationSteps().stream().filter(s -> s > 0).toArray(Integer[]::new);
        this.steps = configured.length == 0 ? new Integer[] {1} : configured;
    }

    @Scheduled(every = "${govqms.audit.overdue-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Sweeps.logged(pool.withTransaction(tx -> tx.preparedQuery(ESCALATE).execute(Tuple.of(now.toLocalDate(), now, steps)).chain(rows -> {
                    List<OutgoingEvent> events = new ArrayList<>();
                    for (Row r : rows) {
                        int days = (int) ChronoUnit.DAYS.between(r.getLocalDate("due_date"), now.toLocalDate());
                        events.add(CorrectiveReportEvents.overdue(r.getUUID("report_id"), r.getUUID("audit_id"), r.getUUID("agency_id"),
                                r.getLocalDate("due_date"), days, r.getInteger("step"), now));
                    }
                    return outbox.publishAll(tx, events).replaceWith(events.size());
                })),
                "%d corrective-action reports announced overdue", "corrective-action report overdue check");
    }
}
