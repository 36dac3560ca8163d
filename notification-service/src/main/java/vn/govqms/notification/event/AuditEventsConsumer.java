package vn.govqms.notification.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;

/** Reads audit-service's topic ({@code audit.events}) through the kit's idempotent consumer, a batch in parts side by side. */
@ApplicationScoped
public class AuditEventsConsumer {

    public static final String CHANNEL = "audit-events";

    @Inject EventConsumer consumer;
    @Inject KeyedBatches batches;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return batches.apply(consumer, records);
    }
}
