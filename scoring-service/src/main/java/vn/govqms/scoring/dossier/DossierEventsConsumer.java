package vn.govqms.scoring.dossier;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.kit.security.AgencyFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the provinces' {@code onestop.dossier-events.<code>} topics in batches and stores each poll with the same set-based
 * statement as the REST batch (idempotent per dossier code + status + time, so a redelivered poll
 * changes nothing; no per-event bookkeeping is needed): the kit consumer's raw batch mode. A record that
 * is not a CloudEvent of type {@code vn.govqms.onestop.dossier-status.v1} with a valid item, whose {@code ce_source}
 * disagrees with its topic, or whose agency lies outside the topic's province ({@link DossierEvents#provinceOfTopic}),
 * goes to the one dead-letter topic of the channel, {@code scoring.dossier-events.dlq} ({@code govqms.dead-letters.topics.dossier-events}),
 * with the reason and its source topic in the headers, and consumption goes on; while the database is unreachable the poll is retried
 * (offsets are not committed). One topic rather than {@code <topic>.dlq} per province: scoring-service's Kafka user then writes
 * no topic it reads.
 */
@ApplicationScoped
public class DossierEventsConsumer {

    @Inject EventConsumer consumer;
    @Inject DossierIngestion ingestion;
    @Inject MeterRegistry registry;

    static final String CHANNEL = "dossier-events";

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        long start = System.nanoTime();
        return consumer.consumeRaw(CHANNEL, polled, DossierEvents.TYPE, events -> store(events, polled, start));
    }

    private Uni<List<EventConsumer.Refusal>> store(List<ReceivedEvent> all, ConsumerRecords<String, String> polled, long start) {
        // the province is the topic's: only its system's Kafka user writes there. A record whose ce_source claims
        // another (or none) sends nothing: default deny
        List<EventConsumer.Refusal> refused = new ArrayList<>();
        List<ReceivedEvent> events = new ArrayList<>(all.size());
        List<DossierIngestion.Sender> senders = new ArrayList<>(all.size());
        Map<String, DossierIngestion.Sender> byProvince = new HashMap<>();
        for (ReceivedEvent e : all) {
            String province = DossierEvents.provinceOfTopic(e.topic());
            if (province == null) {
                refused.add(new EventConsumer.Refusal(e, "topic " + e.topic() + " is no province's: " + DossierEvents.TOPIC_PREFIX
                        + "<province code> expected"));
            } else if (!province.equals(DossierEvents.provinceOfSource(e.source()))) {
                refused.add(new EventConsumer.Refusal(e, "ce_source " + e.source() + " disagrees with topic " + e.topic() + ": "
                        + DossierEvents.SOURCE_PREFIX + province + " expected"));
            } else {
                events.add(e);
                senders.add(byProvince.computeIfAbsent(province, p -> new DossierIngestion.Sender(AgencyFilter.provinces(Set.of(p)),
                        "the one-stop-shop system of province " + p + " (topic " + e.topic() + ")")));
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(refused);
        }
        return ingestion.ingest(events.stream().map(ReceivedEvent::data).toList(), senders::get).map(result -> {
            registry.counter("govqms.dossier.events.consumed").increment(result.accepted() + result.duplicates());
            Log.debugf("dossier events: %d records of %s stored in %d ms (%d new, %d refused)", polled.count(), polled.partitions(),
                    (System.nanoTime() - start) / 1_000_000, result.accepted(), result.rejected() + refused.size());
            // an item's errors, by its index in the batch, become one reason
            result.errors().stream().collect(Collectors.groupingBy(DossierDtos.ItemError::index,
                            Collectors.mapping(e -> e.field() + ": " + e.message(), Collectors.joining("; "))))
                    .forEach((index, reason) -> refused.add(new EventConsumer.Refusal(events.get(index), reason)));
            return refused;
        });
    }
}
