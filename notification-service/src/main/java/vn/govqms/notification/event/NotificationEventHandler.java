package vn.govqms.notification.event;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.ReceivedEvent;

import java.util.List;
import java.util.Set;

/**
 * This service's handler of the events it reads: each run of a polled batch is logged and fanned out by {@link NotificationRouting} in the
 * consumer's transaction. Delivery (e-mail, webhooks) happens later, from tables, never in the consumer's path.
 */
@ApplicationScoped
public class NotificationEventHandler implements EventHandler {

    @Inject NotificationRouting routing;

    @Override
    public Set<String> eventTypes() {
        return EventKind.consumedTypes();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        return routing.apply(tx, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        return routing.apply(tx, events);
    }
}
