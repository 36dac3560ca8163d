package vn.govqms.document.qms;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.schedule.Sweeps;
import vn.govqms.kit.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Announces each re-announcement past its due date once ({@code qms.reannouncement-overdue}); notification-service
 * escalates it like any other overdue item. The mark does not touch the agency's version, so a client's If-Match
 * stays good. Idempotent and safe with several instances: a requirement is marked in one update.
 */
@ApplicationScoped
public class ReannouncementCheck {

    private static final String MARK_OVERDUE = """
            update agency set reannouncement_overdue_at = $2
            where reannouncement_required and reannouncement_overdue_at is null and reannouncement_due < $1
            returning id, reannouncement_id, reannouncement_reason, reannouncement_since, reannouncement_due""";

    @Inject Pool pool;
    @Inject Outbox outbox;
    @Inject Clock clock;

    @Scheduled(every = "${govqms.qms.overdue-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Sweeps.logged(run(),
                "%d re-announcements became overdue", "re-announcement check");
    }

    /** One check; returns how many requirements became overdue. */
    public Uni<Integer> run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return pool.withTransaction(tx -> tx.preparedQuery(MARK_OVERDUE).execute(Tuple.of(today, now)).chain(rows -> {
            List<OutgoingEvent> events = new ArrayList<>();
            for (Row r : rows) {
                events.add(QmsEvents.reannouncementOverdue(r.getUUID("id"), r.getUUID("reannouncement_id"),
                        r.getString("reannouncement_reason"), r.getLocalDate("reannouncement_since"), r.getLocalDate("reannouncement_due"),
                        today, now));
            }
            return outbox.publishAll(tx, events).replaceWith(events.size());
        }));
    }
}
