package vn.govqms.notification.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The e-mail and webhook queues as operators watch them (deploy/k8s/observability): how many wait to be sent and how long
 * the oldest one has been due. Both are read from the tables (their partial indexes on pending rows) at a fixed
 * interval, so a scrape costs nothing; every instance reports the same tables (dashboards take the max).
 */
@ApplicationScoped
public class QueueMetrics {

    static final String READ = """
            select (select count(*) from notification where delivery_status = 'PENDING') as emails,
                   (select min(next_attempt_at) from notification where delivery_status = 'PENDING') as email_due,
                   (select count(*) from webhook_delivery where status = 'PENDING') as webhooks,
                   (select min(next_attempt_at) from webhook_delivery where status = 'PENDING') as webhook_due""";

    private final Pool pool;
    private final Clock clock;
    private final AtomicLong emails = new AtomicLong();
    private final AtomicLong emailWait = new AtomicLong();
    private final AtomicLong webhooks = new AtomicLong();
    private final AtomicLong webhookWait = new AtomicLong();

    public QueueMetrics(Pool pool, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        Gauge.builder("govqms.email.pending", emails, AtomicLong::get).description("E-mails waiting to be sent (or retried)")
                .register(registry);
        Gauge.builder("govqms.email.oldest.due.seconds", emailWait, AtomicLong::get)
                .description("How long the oldest e-mail due has waited (0 when none is due)").register(registry);
        Gauge.builder("govqms.webhooks.pending", webhooks, AtomicLong::get).description("Webhook deliveries waiting (or retried)")
                .register(registry);
        Gauge.builder("govqms.webhooks.oldest.due.seconds", webhookWait, AtomicLong::get)
                .description("How long the oldest webhook delivery due has waited (0 when none is due)").register(registry);
    }

    @Scheduled(every = "15s", delay = 1)
    Uni<Void> refresh() {
        return pool.preparedQuery(READ).execute(Tuple.tuple()).invoke(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime now = OffsetDateTime.now(clock);
            emails.set(row.getLong("emails"));
            emailWait.set(waited(row.getOffsetDateTime("email_due"), now));
            webhooks.set(row.getLong("webhooks"));
            webhookWait.set(waited(row.getOffsetDateTime("webhook_due"), now));
        }).onFailure().invoke(f -> Log.debugf("queue metrics not refreshed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Seconds since {@code due}, or 0 when nothing is due yet. */
    private static long waited(OffsetDateTime due, OffsetDateTime now) {
        return due == null || due.isAfter(now) ? 0 : Duration.between(due, now).toSeconds();
    }
}
