package vn.govqms.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Records events in the outbox table inside the caller's transaction: the event exists if and only
 * if the state change committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox (event_id, topic, message_key, type, source, subject, "
            + "occurred_at, payload) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    private final ObjectMapper json;
    private final String source;

    public Outbox(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.json = json;
        this.source = "/govqms/" + application;
    }

    /** The CloudEvents source of this service's events, e.g. {@code /govqms/document-service}. */
    public String source() {
        return source;
    }

    /** Adds the event to the session's current transaction. */
    public Uni<Void> publish(Mutiny.Session session, OutgoingEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event payload not serialisable", e));
        }
        return session.createNativeQuery(INSERT)
                .setParameter(1, event.id().toString())
                .setParameter(2, event.topic())
                .setParameter(3, event.key())
                .setParameter(4, event.type())
                .setParameter(5, source)
                .setParameter(6, event.subject())
                .setParameter(7, event.time())
                .setParameter(8, payload)
                .executeUpdate()
                .replaceWithVoid();
    }
}
