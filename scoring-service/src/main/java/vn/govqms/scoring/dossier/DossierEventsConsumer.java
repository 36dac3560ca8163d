package vn.govqms.scoring.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.problem.ProblemMapper;
import vn.govqms.kit.security.AgencyFilter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code onestop.dossier-events} in batches and stores each poll with the same set-based
 * statement as the REST batch (idempotent per dossier code + status + time, so a redelivered poll
 * changes nothing; no per-event bookkeeping is needed). A record that is not a CloudEvent of type
 * {@code vn.govqms.onestop.dossier-status.v1} with a valid item goes to {@code onestop.dossier-events.dlq}
 * with the reason in {@code dead-letter-*} headers, and consumption goes on. While the database is
 * unreachable the poll is retried (offsets are not committed).
 *
 * <p>Not the kit's {@code EventConsumer}: it applies events one by one, and this ingress must take
 * tens of thousands of events a second.
 */
@ApplicationScoped
public class DossierEventsConsumer {

    private final DossierIngestion ingestion;
    private final MutinyEmitter<String> deadLetters;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public DossierEventsConsumer(DossierIngestion ingestion, @Channel("dossier-dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 1024) MutinyEmitter<String> deadLetters, ObjectMapper json, MeterRegistry registry) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.json = json;
        this.registry = registry;
    }

    @Incoming("dossier-events")
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        long start = System.nanoTime();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> r : polled) {
            String problem = null;
            String type = header(r, "ce_type");
            if (!"1.0".equals(header(r, "ce_specversion")) || header(r, "ce_id") == null || type == null) {
                problem = "not a CloudEvent in binary mode (ce_specversion 1.0, ce_id and ce_type are required)";
            } else if (!DossierEvents.TYPE.equals(type)) {
                problem = EventTypes.unversioned(type).equals(EventTypes.unversioned(DossierEvents.TYPE))
                        ? "unsupported version: " + type : "unexpected type " + type + " on " + r.topic();
            }
            JsonNode item = null;
            if (problem == null) {
                try {
                    item = r.value() == null ? null : json.readTree(r.value());
                } catch (Exception e) {
                    problem = "data is not JSON: " + e.getMessage();
                }
                if (problem == null && (item == null || !item.isObject())) {
                    problem = "data is not a JSON object";
                }
            }
            if (problem != null) {
                dead.add(deadLetter(r, problem));
            } else {
                records.add(r);
                items.add(item);
            }
        }
        Uni<Void> poison = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast().replaceWithVoid();
        if (items.isEmpty()) {
            return poison;
        }
        return poison.chain(() -> ingestion.ingest(items, AgencyFilter.everything())
                .onFailure(DossierEventsConsumer::isTransient)
                .invoke(f -> Log.warnf("dossier events: database unavailable (%s); retrying", f.getMessage()))
                .onFailure(DossierEventsConsumer::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely())
                .chain(result -> {
                    registry.counter("govqms.dossier.events.consumed").increment(result.accepted() + result.duplicates());
                    Log.debugf("dossier events: %d records of %s stored in %d ms (%d new, %d refused)", polled.count(), polled.partitions(),
                            (System.nanoTime() - start) / 1_000_000, result.accepted(), result.rejected());
                    if (result.errors().isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Uni<Void>> refused = new ArrayList<>();
                    result.errors().stream().map(DossierDtos.ItemError::index).distinct().forEach(i -> refused.add(deadLetter(records.get(i),
                            result.errors().stream().filter(e -> e.index() == i).map(e -> e.field() + ": " + e.message())
                                    .reduce((a, b) -> a + "; " + b).orElse("refused"))));
                    return Uni.join().all(refused).andFailFast().replaceWithVoid();
                });
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> r, String reason) {
        Log.warnf("dead-lettering %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", r.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-consumer", "scoring-service".getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(r.topic() + ".dlq").withKey(r.key()).withHeaders(headers).build();
        return deadLetters.sendMessage(Message.of(r.value() == null ? "" : r.value()).addMetadata(meta))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .invoke(() -> registry.counter("govqms.events.dead.lettered", "topic", r.topic(), "consumer", "scoring-service").increment());
    }

    static boolean isTransient(Throwable f) {
        for (Throwable t = f; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String s = pg.getSqlState();
                return s.startsWith("08") || s.startsWith("53") || s.startsWith("57") || s.equals("40001") || s.equals("40P01");
            }
        }
        return ProblemMapper.isConnectionFailure(f);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
