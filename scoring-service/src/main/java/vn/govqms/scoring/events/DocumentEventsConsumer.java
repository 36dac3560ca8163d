package vn.govqms.scoring.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;

/** Reads document-service's events (document.events) in batches; the kit applies them idempotently. */
@ApplicationScoped
public class DocumentEventsConsumer {

    private final EventConsumer consumer;

    public DocumentEventsConsumer(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("document-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(records);
    }
}
