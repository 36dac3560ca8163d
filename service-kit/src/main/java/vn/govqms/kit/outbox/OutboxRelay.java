package vn.govqms.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.govqms.kit.db.ChangeNotices;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the outbox to Kafka. Woken by {@code NOTIFY govqms_outbox} when a transaction that
 * wrote events commits (and by a timer as a safety net), it reads pending rows in id order, sends
 * them, and marks them sent in the same transaction only once the broker acknowledged all of them.
 * A transaction-scoped advisory lock lets one instance drain at a time, which keeps each key's
 * events in order when several instances run; it also makes row locks (FOR UPDATE SKIP LOCKED)
 * unnecessary: writers only insert, and locking each read row cost 80 ms per 1,000 rows here. While the broker is down the rows stay pending and
 * the relay retries with back-off: nothing is lost, and a row may be sent twice after a failure,
 * which idempotent consumers absorb.
 * <p>
 * Each send is a span in the trace of its first row (the REST call or job that recorded the event), linked to the traces
 * of the other rows; the records of that trace carry the span as their {@code traceparent}, the others their own row's,
 * so each consumer's work joins the trace of the change that caused it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String NOTIFY_CHANNEL = "govqms_outbox";
    /** Advisory lock key: "govqms outbox". */
    private static final long LOCK_KEY = 0x676f76716d73L;
    /** Batches sent in one transaction (and under one hold of the lock) before it commits. */
    private static final int BATCHES_PER_TRANSACTION = 10;
    /** Links from one send's span to the other traces of its batch: enough to find them, bounded for a large batch. */
    private static final int MAX_LINKS = 32;
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;
    private final ChangeNotices notices;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Tracer tracer;
    private volatile long retryNotBefore;
    private volatile Duration backoff = Duration.ZERO;
    private volatile boolean stopped;
    private Producer<String, String> producer;
    private long timerId = -1;

    public OutboxRelay(Pool pool, Vertx vertx, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       OutboxConfig config, MeterRegistry registry, Tracer tracer, ChangeNotices notices) {
        this.pool = pool;
        this.vertx = vertx;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.tracer = tracer;
        this.notices = notices;
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
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        // the service's one LISTEN connection (kit ChangeNotices): a commit's NOTIFY wakes the relay, and so does every
        // (re)subscription, since notices sent while it was not listening are lost; the timer below polls meanwhile
        notices.listen(NOTIFY_CHANNEL, ignored -> wake(), this::wake);
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), id -> cleanUp());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * The relay's own producer (the SmallRye channel added ~200 µs per record on this machine): the
     * application's kafka.* settings plus what an outbox needs: acks from all replicas, idempotence
     * (no duplicates or reordering from retries), and bounded waits so that an outage fails a batch
     * within seconds and the rows stay pending.
     */
    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value."));
        props.keySet().retainAll(ProducerConfig.configNames()); // the consumers' settings (heartbeats, assignors) are not its
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    /** Starts a drain unless one is running; a running drain goes round once more. */
    public void wake() {
        drain(0L);
    }

    /**
     * One round: a batch after {@code afterId}. A round that found a full batch continues after its
     * last id (so it does not re-scan rows it just sent); every new round starts from the beginning,
     * which also picks up rows of transactions that committed out of id order.
     */
    private void drain(long afterId) {
        if (stopped || System.currentTimeMillis() < retryNotBefore) {
            return;
        }
        if (afterId == 0 && !draining.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        if (afterId == 0) {
            wakeAgain.set(false);
        }
        // after a failure, probe with one event so that an outage does not pile sends up in the producer
        int limit = backoff.isZero() ? config.batchSize() : 1;
        drainOnce(limit, afterId).subscribe().with(batch -> {
            backoff = Duration.ZERO;
            if (batch.more()) {
                drain(batch.lastId());
                return;
            }
            draining.set(false);
            if (wakeAgain.getAndSet(false)) {
                drain(0L);
            }
        }, failure -> {
            // Its own back-off rather than SmallRye Fault Tolerance's @Retry: what is delayed is not one call but the next
            // wake-up (commits NOTIFY, the timer ticks; both are ignored until retryNotBefore), and the first round after a
            // failure probes with one row so that an outage does not pile sends up in the producer. Not measured against a
            // @Retry: kept for that shape.
            backoff = backoff.isZero() ? Duration.ofMillis(500)
                    : (backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2));
            retryNotBefore = System.currentTimeMillis() + backoff.toMillis();
            Log.warnf("outbox relay: publishing failed (%s); retrying in %d ms", failure.getMessage(), backoff.toMillis());
            draining.set(false);
            // the retry is due when the back-off ends, not at the next poll tick after it: a broker back from an outage gets
            // the pending events within the back-off (issue 18.5: consumers resuming within seconds wait for this first)
            vertx.setTimer(backoff.toMillis(), id -> wake());
        });
    }

    /** What one transaction sent: how many rows, the last id, and whether more may be waiting after it. */
    record Batch(int sent, long lastId, boolean more) {
    }

    /** Rows read from the outbox: their ids and the records to send. */
    private record Chunk(List<Long> ids, List<ProducerRecord<String, String>> records) {
        static final Chunk EMPTY = new Chunk(List.of(), List.of());

        long lastId(long otherwise) {
            return ids.isEmpty() ? otherwise : ids.get(ids.size() - 1);
        }
    }

    /** One transaction: lock, then read, send and mark up to {@code batchesPerTransaction} batches after {@code afterId}. */
    Uni<Batch> drainOnce(int limit, long afterId) {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .flatMap(locked -> locked.iterator().next().getBoolean(0)
                        ? read(conn, limit, afterId).flatMap(first -> pipeline(conn, limit, afterId, first, null, 0, 0))
                        : Uni.createFrom().item(new Batch(0, afterId, false))));
    }

    /**
     * Sends {@code current} while, on the database connection, the previous (acknowledged) batch is
     * marked sent and the next one is read: the broker's round trip and the database's work overlap.
     * Batches go out strictly one after the other, so per-key order holds. Marks become visible at
     * commit; a failure rolls them back and the rows are sent again later (consumers are idempotent).
     */
    private Uni<Batch> pipeline(SqlConnection conn, int limit, long afterId, Chunk current, Chunk acknowledged, int round,
                                int sentBefore) {
        if (current.ids().isEmpty()) {
            if (acknowledged == null) {
                pending.set(0);
                return Uni.createFrom().item(new Batch(sentBefore, afterId, false));
            }
            return mark(conn, acknowledged).map(n -> {
                pending.set(0);
                return new Batch(sentBefore, acknowledged.lastId(afterId), false);
            });
        }
        long t0 = System.nanoTime();
        boolean full = current.ids().size() == limit;
        boolean continueHere = full && limit > 1 && round + 1 < BATCHES_PER_TRANSACTION;
        Uni<Void> markPrevious = acknowledged == null ? Uni.createFrom().voidItem() : mark(conn, acknowledged).replaceWithVoid();
        Uni<Chunk> dbSide = markPrevious.chain(() -> continueHere ? read(conn, limit, current.lastId(afterId))
                : Uni.createFrom().item(Chunk.EMPTY));
        return Uni.combine().all().unis(send(current.records()), dbSide).asTuple().flatMap(t -> {
            Log.debugf("outbox relay: %d rows sent and acknowledged (previous marked, next read alongside) in %d ms",
                    current.ids().size(), (System.nanoTime() - t0) / 1_000_000);
            published.increment(current.ids().size());
            int sent = sentBefore + current.ids().size();
            if (continueHere) {
                return pipeline(conn, limit, current.lastId(afterId), t.getItem2(), current, round + 1, sent);
            }
            return mark(conn, current).map(n -> new Batch(sent, current.lastId(afterId), full));
        });
    }

    private Uni<Chunk> read(SqlConnection conn, int limit, long afterId) {
        return conn.preparedQuery("select id, event_id, topic, message_key, type, source, subject, occurred_at, payload, traceparent "
                        + "from outbox where sent_at is null and id > $2 order by id limit $1")
                .execute(Tuple.of(limit, afterId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Chunk.EMPTY;
                    }
                    List<Long> ids = new ArrayList<>(rows.size());
                    List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        records.add(toRecord(row));
                    }
                    return new Chunk(ids, records);
                });
    }

    private static Uni<Integer> mark(SqlConnection conn, Chunk chunk) {
        return conn.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                .execute(Tuple.of(chunk.ids().toArray(new Long[0]))).map(r -> r.rowCount());
    }

    /** Sends the records in order and completes once the broker acknowledged all of them (or one failed). */
    private Uni<Void> send(List<ProducerRecord<String, String>> records) {
        Span span = traced(records);
        return Uni.createFrom().<Void>emitter(done -> {
            AtomicInteger remaining = new AtomicInteger(records.size());
            AtomicReference<Exception> failure = new AtomicReference<>();
            Callback callback = (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                if (remaining.decrementAndGet() == 0) {
                    if (failure.get() == null) {
                        done.complete(null);
                    } else {
                        done.fail(failure.get());
                    }
                }
            };
            for (int i = 0; i < records.size(); i++) {
                try {
                    producer.send(records.get(i), callback);
                } catch (RuntimeException e) {
                    // not queued (metadata or buffer wait timed out): nothing after it may go either
                    failure.compareAndSet(null, e);
                    if (remaining.addAndGet(-(records.size() - i)) == 0) {
                        done.fail(failure.get());
                    }
                    return;
                }
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // send() may block while the broker is away
                .onTermination().invoke((ok, failure, cancelled) -> {
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }

    /**
     * Starts the span of one send: a child of the first row's trace context (a new trace if it has none), linked to the
     * other traces of the batch. The records of its trace, and those recorded outside any trace, carry the span itself.
     */
    private Span traced(List<ProducerRecord<String, String>> records) {
        SpanContext parent = TraceParent.parse(value(records.get(0), TraceParent.HEADER));
        SpanBuilder builder = tracer.spanBuilder(records.get(0).topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", records.get(0).topic())
                .setAttribute(BATCH_SIZE, (long) records.size());
        if (parent.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        Set<String> linked = new LinkedHashSet<>();
        for (ProducerRecord<String, String> r : records) {
            SpanContext other = TraceParent.parse(value(r, TraceParent.HEADER));
            if (linked.size() < MAX_LINKS && other.isValid() && !other.getTraceId().equals(parent.getTraceId())
                    && linked.add(other.getTraceId())) {
                builder.addLink(other);
            }
        }
        Span span = builder.startSpan();
        String own = TraceParent.format(span.getSpanContext());
        if (own != null) {
            for (ProducerRecord<String, String> r : records) {
                SpanContext recorded = TraceParent.parse(value(r, TraceParent.HEADER));
                if (!recorded.isValid() || recorded.getTraceId().equals(span.getSpanContext().getTraceId())) {
                    traceHeaders(r, own);
                }
            }
        }
        return span;
    }

    private static void traceHeaders(ProducerRecord<String, String> record, String traceparent) {
        record.headers().remove(TraceParent.HEADER).remove(TraceParent.CE_HEADER);
        header(record, TraceParent.HEADER, traceparent);
        header(record, TraceParent.CE_HEADER, traceparent);
    }

    private static String value(ProducerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The row as a CloudEvent in Kafka binary mode: ce_* headers, JSON value, key = agency id. */
    private static ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), row.getString("message_key"),
                row.getString("payload"));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.getString("event_id"));
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_source", row.getString("source"));
        header(record, "ce_time", row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC).toString());
        String subject = row.getString("subject");
        if (subject != null) {
            header(record, "ce_subject", subject);
        }
        header(record, "content-type", "application/json");
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            traceHeaders(record, traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
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
