package vn.govqms.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka. Woken by {@code NOTIFY govqms_outbox} when a transaction that
 * wrote events commits (and by a timer as a safety net), it reads pending rows in id order, sends
 * them, and marks them sent in the same transaction only once the broker acknowledged all of them.
 * A transaction-scoped advisory lock lets one instance drain at a time, which keeps each key's
 * events in order when several instances run. While the broker is down the rows stay pending and
 * the relay retries with back-off: nothing is lost, and a row may be sent twice after a failure,
 * which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox";
    private static final String NOTIFY_CHANNEL = "govqms_outbox";
    /** Advisory lock key: "govqms outbox". */
    private static final long LOCK_KEY = 0x676f76716d73L;

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final PgConnectOptions connectOptions;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private volatile long retryNotBefore;
    private volatile Duration backoff = Duration.ZERO;
    private volatile boolean stopped;
    private PgSubscriber subscriber;
    private long timerId = -1;

    public OutboxRelay(Pool pool, Vertx vertx, @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                               bufferSize = 4096) MutinyEmitter<String> emitter, OutboxConfig config, MeterRegistry registry,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config;
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.connectOptions = options;
        this.published = Counter.builder("govqms.outbox.published").description("Events relayed from the outbox to Kafka")
                .register(registry);
        Gauge.builder("govqms.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka (as of the last check)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("outbox relay disabled (govqms.outbox.enabled=false)");
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, connectOptions).reconnectPolicy(attempt -> 1000L);
        subscriber.channel(NOTIFY_CHANNEL).handler(ignored -> wake());
        subscriber.connect().subscribe().with(
                ok -> wake(),
                failure -> Log.warnf("outbox relay cannot LISTEN yet (%s); polling every %s until it can",
                        failure.getMessage(), config.pollInterval()));
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), id -> cleanUp());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Starts a drain unless one is running; a running drain goes round once more. */
    public void wake() {
        if (stopped || System.currentTimeMillis() < retryNotBefore) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        wakeAgain.set(false);
        // after a failure, probe with one event so that an outage does not pile sends up in the producer
        int limit = backoff.isZero() ? config.batchSize() : 1;
        drainOnce(limit).subscribe().with(sent -> {
            backoff = Duration.ZERO;
            draining.set(false);
            if (sent == limit || wakeAgain.getAndSet(false)) {
                wake();
            }
        }, failure -> {
            backoff = backoff.isZero() ? Duration.ofMillis(500)
                    : (backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2));
            retryNotBefore = System.currentTimeMillis() + backoff.toMillis();
            Log.warnf("outbox relay: publishing failed (%s); retrying in %d ms", failure.getMessage(), backoff.toMillis());
            draining.set(false);
        });
    }

    /** One transaction: lock, read up to {@code limit} rows, send them, mark them sent. Returns how many were sent. */
    Uni<Integer> drainOnce(int limit) {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .flatMap(locked -> locked.iterator().next().getBoolean(0) ? sendBatch(conn, limit) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> sendBatch(SqlConnection conn, int limit) {
        return conn.preparedQuery("select id, event_id, topic, message_key, type, source, subject, occurred_at, payload "
                        + "from outbox where sent_at is null order by id limit $1 for update skip locked")
                .execute(Tuple.of(limit))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        pending.set(0);
                        return Uni.createFrom().item(0);
                    }
                    List<Long> ids = new ArrayList<>(rows.size());
                    List<Uni<Void>> acks = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        acks.add(emitter.sendMessage(toMessage(row)));
                    }
                    return Uni.join().all(acks).andCollectFailures()
                            .flatMap(ok -> conn.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .map(updated -> {
                                published.increment(ids.size());
                                if (ids.size() < limit) {
                                    pending.set(0);
                                }
                                return ids.size();
                            });
                });
    }

    private static Message<String> toMessage(Row row) {
        OffsetDateTime time = row.getOffsetDateTime("occurred_at");
        OutgoingCloudEventMetadata<String> ce = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getString("event_id"))
                .withType(row.getString("type"))
                .withSource(URI.create(row.getString("source")))
                .withSubject(row.getString("subject"))
                .withTimestamp(time.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .build();
        return Message.of(row.getString("payload")).addMetadata(ce).addMetadata(kafka);
    }

    /** Deletes published rows older than the retention period and refreshes the pending gauge. */
    void cleanUp() {
        pool.preparedQuery("delete from outbox where sent_at is not null and sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .flatMap(ignored -> pool.query("select count(*) from outbox where sent_at is null").execute())
                .subscribe().with(rows -> pending.set(rows.iterator().next().getLong(0)),
                        failure -> Log.debugf("outbox clean-up skipped: %s", failure.getMessage()));
    }
}
