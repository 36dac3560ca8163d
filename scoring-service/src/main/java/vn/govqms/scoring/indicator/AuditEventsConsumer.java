package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;

/** Reads audit-service's topic ({@code audit.events}) in batches through the kit's idempotent consumer. */
@ApplicationScoped
public class AuditEventsConsumer {

    @Inject EventConsumer consumer;

    @Incoming("audit-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(records);
    }
}
