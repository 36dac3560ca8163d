package vn.govqms.kit.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import vn.govqms.kit.db.DatabaseFailures;
import vn.govqms.kit.outbox.TraceParent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Consumes batches of CloudEvents idempotently. A batch is applied in one transaction that also
 * records the event ids ({@code processed_event}); ids seen before are skipped, so a redelivery
 * changes nothing. Events nobody here handles are passed over. A record that cannot be parsed, has
 * a version we do not read, or fails when applied alone goes to {@code <topic>.dlq} with the reason,
 * or to the topic its channel names ({@link DeadLetterConfig}), and consumption goes on. While the database is out of reach the batch is retried with back-off
 * (the offsets are not committed), so nothing is lost.
 * <p>
 * A batch is a span that continues the trace of its first record ({@code traceparent} header, written by the relay),
 * linked to the other traces in the batch; it is the current span while the batch is applied, so the database work and
 * the events the handlers record join the trace of the change that caused them.
 */
@ApplicationScoped
public class EventConsumer {

    static final String DEAD_LETTER_CHANNEL = "dead-letters";
    /** Links from a batch's span to the other traces in it: enough to find them, bounded for a large poll. */
    private static final int MAX_LINKS = 32;
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private final Pool pool;
    private final MutinyEmitter<String> deadLetters;
    private final Map<String, List<EventHandler>> handlers = new HashMap<>();
    private final Set<String> handledBases = new HashSet<>();
    private final ObjectMapper reader;
    private final String consumerName;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final DeadLetterConfig deadLetterConfig;

    public EventConsumer(Pool pool, @Channel(DEAD_LETTER_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 1024) MutinyEmitter<String> deadLetters, @Any Instance<EventHandler> all,
                         @ConfigProperty(name = "quarkus.application.name") String consumerName, MeterRegistry registry,
                         Tracer tracer, DeadLetterConfig deadLetterConfig) {
        this.pool = pool;
        this.deadLetterConfig = deadLetterConfig;
        this.tracer = tracer;
        this.deadLetters = deadLetters;
        this.consumerName = consumerName;
        this.registry = registry;
        for (EventHandler h : all) {
            for (String type : h.eventTypes()) {
                handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(h);
                handledBases.add(EventTypes.unversioned(type));
            }
        }
        this.reader = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
    }

    /** Applies a batch polled from one topic; completes when every record is applied or dead-lettered. */
    public Uni<Void> consume(Iterable<ConsumerRecord<String, String>> polled) {
        return consume(null, polled);
    }

    /** The same for the records of {@code channel}: its poison records go to the dead-letter topic it names, if any. */
    public Uni<Void> consume(String channel, Iterable<ConsumerRecord<String, String>> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        polled.forEach(records::add);
        DeadLetters dead = new DeadLetters(channel == null ? null : deadLetterConfig.topicOf(channel).orElse(null));
        return traced(records, () -> consumeBatch(records, dead));
    }

    private Uni<Void> consumeBatch(List<ConsumerRecord<String, String>> records, DeadLetters dlq) {
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            if (notOurs(r)) {
                continue;  // a well-formed event of a type this service does not read: its data is not even parsed
            }
            try {
                ReceivedEvent e = parse(r);
                if (handlers.containsKey(e.type())) {
                    events.add(e);
                } else if (handledBases.contains(EventTypes.unversioned(e.type()))) {
                    throw new PoisonEventException("unsupported version of " + EventTypes.unversioned(e.type())
                            + ": " + e.type());
                }
            } catch (PoisonEventException ex) {
                poison.add(dlq.send(r, ex));
            }
        }
        Uni<Void> dead = poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid();
        return dead.chain(() -> applyBatch(events, records, dlq));
    }

    /** An event a raw batch's store refused, and why: it goes to the dead letters. */
    public record Refusal(ReceivedEvent event, String reason) {
    }

    /**
     * The raw batch mode, for an ingress whose store is idempotent by its own keys and takes a whole poll in one
     * set-based statement (no {@code processed_event} row per event): every record on the topic must be a CloudEvent
     * of {@code type}; the others (another type, another version, data that is not a JSON object) go to
     * {@code <topic>.dlq}, the rest are handed to {@code store} at once, retried while the database is out of reach,
     * and what it refuses goes to {@code <topic>.dlq} with its reason; to the topic {@code channel} names instead, if it
     * names one ({@link DeadLetterConfig}). Consumers configured with a channel {@code concurrency} call this from several
     * threads, one partition each.
     */
    public Uni<Void> consumeRaw(String channel, Iterable<ConsumerRecord<String, String>> polled, String type,
                                Function<List<ReceivedEvent>, Uni<List<Refusal>>> store) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        polled.forEach(records::add);
        DeadLetters dlq = new DeadLetters(deadLetterConfig.topicOf(channel).orElse(null));
        return traced(records, () -> consumeRawBatch(records, type, store, dlq));
    }

    private Uni<Void> consumeRawBatch(List<ConsumerRecord<String, String>> polled, String type,
                                      Function<List<ReceivedEvent>, Uni<List<Refusal>>> store, DeadLetters dlq) {
        Map<ReceivedEvent, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
        List<ReceivedEvent> events = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> r : polled) {
            try {
                ReceivedEvent e = parse(r);
                if (!e.type().equals(type)) {
                    throw new PoisonEventException(EventTypes.unversioned(e.type()).equals(EventTypes.unversioned(type))
                            ? "unsupported version: " + e.type() : "unexpected type " + e.type() + " on " + r.topic());
                }
                events.add(e);
                records.put(e, r);
            } catch (PoisonEventException ex) {
                poison.add(dlq.send(r, ex));
            }
        }
        Uni<Void> dead = poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid();
        if (events.isEmpty()) {
            return dead;
        }
        return dead.chain(() -> retryWhileUnreachable(Uni.createFrom().deferred(() -> store.apply(events))))
                .chain(refused -> {
                    if (refused.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.join().all(refused.stream().map(x -> dlq.send(records.get(x.event()),
                            new PoisonEventException(x.reason()))).toList()).andFailFast().replaceWithVoid();
                });
    }

    /**
     * Runs {@code work} as the span of a batch: a child of the first record's trace context, linked to the other traces
     * in the batch. On the connector's (duplicated) Vert.x context the span stays current until the work ends.
     */
    private Uni<Void> traced(List<ConsumerRecord<String, String>> records, Supplier<Uni<Void>> work) {
        if (records.isEmpty()) {
            return work.get();
        }
        ConsumerRecord<String, String> first = records.get(0);
        SpanContext parent = traceContext(first);
        SpanBuilder builder = tracer.spanBuilder(first.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", first.topic())
                .setAttribute("govqms.consumer", consumerName).setAttribute(BATCH_SIZE, (long) records.size());
        if (parent.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        Set<String> linked = new HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            SpanContext other = traceContext(r);
            if (linked.size() < MAX_LINKS && other.isValid() && !other.getTraceId().equals(parent.getTraceId())
                    && linked.add(other.getTraceId())) {
                builder.addLink(other);
            }
        }
        Span span = builder.startSpan();
        return Uni.createFrom().deferred(() -> {
            // a scope outside a duplicated context would live in a thread-local, which a later thread could not close; and
            // parts of one poll applied side by side share a context: the first part's span is theirs
            Scope scope = VertxContext.isOnDuplicatedContext() && !Span.current().getSpanContext().isValid() ? span.makeCurrent()
                    : Scope.noop();
            Uni<Void> run;
            try {
                run = work.get();
            } catch (RuntimeException e) {
                run = Uni.createFrom().failure(e);
            }
            return run.onTermination().invoke((ok, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR);
                }
                scope.close();
                span.end();
            });
        });
    }

    private static SpanContext traceContext(ConsumerRecord<String, String> r) {
        String traceparent = header(r, TraceParent.HEADER);
        return TraceParent.parse(traceparent != null ? traceparent : header(r, TraceParent.CE_HEADER));
    }

    private Uni<Void> applyBatch(List<ReceivedEvent> events, List<ConsumerRecord<String, String>> records, DeadLetters dlq) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retryWhileUnreachable(pool.withTransaction(tx -> apply(events, tx)))
                .onFailure().recoverWithUni(failure -> {
                    if (events.size() == 1) {
                        return dlq.send(recordOf(events.get(0), records), failure);
                    }
                    Log.infof("a batch of %d events failed (%s); applying them one by one", events.size(), failure.getMessage());
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(e -> applyBatch(List.of(e), records, dlq))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> apply(List<ReceivedEvent> events, SqlConnection tx) {
        String[] ids = events.stream().map(ReceivedEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(ReceivedEvent::type).toArray(String[]::new);
        return tx.preparedQuery("insert into processed_event (event_id, type) select * from unnest($1::text[], $2::text[]) "
                        + "on conflict do nothing returning event_id")
                .execute(Tuple.of(ids, types))
                .flatMap(rows -> {
                    Set<String> fresh = new LinkedHashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getString(0));
                    }
                    List<ReceivedEvent> todo = events.stream().filter(e -> fresh.remove(e.id())).toList();
                    return Multi.createFrom().iterable(runs(todo))
                            .onItem().transformToUniAndConcatenate(run -> applyRun(run, tx))
                            .collect().last()
                            .invoke(() -> registry.counter("govqms.events.consumed", "consumer", consumerName)
                                    .increment(events.size()))
                            .replaceWithVoid();
                });
    }

    /** Consecutive events handled by the same handlers, in the order they came: applied run by run keeps that order. */
    private List<List<ReceivedEvent>> runs(List<ReceivedEvent> events) {
        List<List<ReceivedEvent>> runs = new ArrayList<>();
        List<EventHandler> current = null;
        for (ReceivedEvent e : events) {
            List<EventHandler> hs = handlers.get(e.type());
            if (!hs.equals(current)) {
                runs.add(new ArrayList<>());
                current = hs;
            }
            runs.get(runs.size() - 1).add(e);
        }
        return runs;
    }

    private Uni<Void> applyRun(List<ReceivedEvent> run, SqlConnection tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventHandler h : handlers.get(run.get(0).type())) {
            chain = chain.chain(() -> h.applyAll(run, tx));
        }
        return chain;
    }

    /** Retries (with back-off, without end) only while the database cannot be reached. */
    private static <T> Uni<T> retryWhileUnreachable(Uni<T> work) {
        return work.onFailure(EventConsumer::isTransient)
                .invoke(f -> Log.warnf("consumer: database unavailable (%s); retrying", f.getMessage()))
                .onFailure(EventConsumer::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private static boolean isTransient(Throwable f) {
        return !(f instanceof PoisonEventException) && DatabaseFailures.isTransient(f);
    }

    private boolean notOurs(ConsumerRecord<String, String> r) {
        String type = header(r, "ce_type");
        return type != null && "1.0".equals(header(r, "ce_specversion")) && header(r, "ce_id") != null
                && !handlers.containsKey(type) && !handledBases.contains(EventTypes.unversioned(type));
    }

    private ReceivedEvent parse(ConsumerRecord<String, String> r) {
        String spec = header(r, "ce_specversion");
        String id = header(r, "ce_id");
        String type = header(r, "ce_type");
        if (id == null || type == null || !"1.0".equals(spec)) {
            throw new PoisonEventException("not a CloudEvent in binary mode (ce_specversion 1.0, ce_id and ce_type are required)");
        }
        if (r.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = reader.readTree(r.value());
        } catch (Exception e) {
            throw new PoisonEventException("event " + id + " data is not JSON: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + id + " data is not a JSON object");
        }
        OffsetDateTime time = null;
        String ceTime = header(r, "ce_time");
        if (ceTime != null) {
            try {
                time = OffsetDateTime.parse(ceTime);
            } catch (Exception e) {
                throw new PoisonEventException("event " + id + " has an invalid ce_time: " + ceTime);
            }
        }
        return new ReceivedEvent(id, type, header(r, "ce_source"), header(r, "ce_subject"), time, r.key(), r.topic(),
                r.partition(), r.offset(), data, reader);
    }

    private ConsumerRecord<String, String> recordOf(ReceivedEvent e, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.partition() == e.partition() && r.offset() == e.offset()
                && r.topic().equals(e.topic())).findFirst().orElseThrow();
    }

    /** Where a batch's poison records go: {@code topic}, or beside each record's own topic ({@code <topic>.dlq}) if null. */
    private final class DeadLetters {
        private final String topic;

        DeadLetters(String topic) {
            this.topic = topic;
        }

        Uni<Void> send(ConsumerRecord<String, String> r, Throwable reason) {
            return deadLetter(r, reason, topic != null ? topic : r.topic() + ".dlq");
        }
    }

    /** Sends the record, as it came, to {@code dlq} with why and whence; retried until the broker takes it. */
    private Uni<Void> deadLetter(ConsumerRecord<String, String> r, Throwable reason, String dlq) {
        Log.warnf("dead-lettering %s-%d@%d to %s: %s", r.topic(), r.partition(), r.offset(), dlq, reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-cause", reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-consumer", consumerName.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(dlq).withKey(r.key()).withHeaders(headers).build();
        Message<String> message = Message.of(r.value() == null ? "" : r.value()).addMetadata(meta);
        return deadLetters.sendMessage(message)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .invoke(() -> Counter.builder("govqms.events.dead.lettered").tag("topic", r.topic())
                        .tag("consumer", consumerName).register(registry).increment());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
