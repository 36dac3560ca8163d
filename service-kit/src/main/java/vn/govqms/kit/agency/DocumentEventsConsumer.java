package vn.govqms.kit.agency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.govqms.kit.events.EventConsumer;

/**
 * Reads document-service's topic ({@code document.events}, channel {@code document-events}) in
 * batches for a service that keeps the agency directory; the service's own handlers of document
 * events are applied through the same {@link EventConsumer}.
 */
@ApplicationScoped
@IfBuildProperty(name = "govqms.agency-directory.enabled", stringValue = "true")
public class DocumentEventsConsumer {

    @Inject EventConsumer consumer;

    @Incoming("document-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumer.consume(records);
    }
}
