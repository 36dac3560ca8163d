package vn.govqms.scoring.dossier;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.kit.security.AgencyFilter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code onestop.dossier-events} in batches and stores each poll with the same set-based
 * statement as the REST batch (idempotent per dossier code + status + time, so a redelivered poll
 * changes nothing; no per-event bookkeeping is needed): the kit consumer's raw batch mode. A record that
 * is not a CloudEvent of type {@code vn.govqms.onestop.dossier-status.v1} with a valid item goes to
 * {@code onestop.dossier-events.dlq} with the reason, and consumption goes on; while the database is
 * unreachable the poll is retried (offsets are not committed).
 */
@ApplicationScoped
public class DossierEventsConsumer {

    private final EventConsumer consumer;
    private final DossierIngestion ingestion;
    private final MeterRegistry registry;

    public DossierEventsConsumer(EventConsumer consumer, DossierIngestion ingestion, MeterRegistry registry) {
        this.consumer = consumer;
        this.ingestion = ingestion;
        this.registry = registry;
    }

    @Incoming("dossier-events")
    public Uni<Void> consume(ConsumerRecords<String, String> polled) {
        long start = System.nanoTime();
        return consumer.consumeRaw(polled, DossierEvents.TYPE, events -> store(events, polled, start));
    }

    private Uni<List<EventConsumer.Refusal>> store(List<ReceivedEvent> events, ConsumerRecords<String, String> polled, long start) {
        return ingestion.ingest(events.stream().map(ReceivedEvent::data).toList(), AgencyFilter.everything()).map(result -> {
            registry.counter("govqms.dossier.events.consumed").increment(result.accepted() + result.duplicates());
            Log.debugf("dossier events: %d records of %s stored in %d ms (%d new, %d refused)", polled.count(), polled.partitions(),
                    (System.nanoTime() - start) / 1_000_000, result.accepted(), result.rejected());
            // an item's errors, by its index in the batch, become one reason
            return result.errors().stream().collect(Collectors.groupingBy(DossierDtos.ItemError::index,
                            Collectors.mapping(e -> e.field() + ": " + e.message(), Collectors.joining("; "))))
                    .entrySet().stream().map(e -> new EventConsumer.Refusal(events.get(e.getKey()), e.getValue())).toList();
        });
    }
}
