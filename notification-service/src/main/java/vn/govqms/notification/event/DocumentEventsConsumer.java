package vn.govqms.notification.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;

/**
 * Reads document-service's topic ({@code document.events}): the agency directory's events and this service's. Replaces the
 * kit's consumer of the channel (excluded in application.properties) to apply each batch in parts side by side.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    public static final String CHANNEL = "document-events";

    @Inject EventConsumer consumer;
    @Inject KeyedBatches batches;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return batches.apply(consumer, records);
    }
}
