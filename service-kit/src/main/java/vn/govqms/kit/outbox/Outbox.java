package vn.govqms.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Records events in the outbox table inside the caller's transaction: the event exists if and only
 * if the state change committed. {@link OutboxRelay} publishes it afterwards. Each row keeps the trace context of the
 * work that recorded it ({@link TraceParent}), which the relay hands on to the consumers.
 */
@ApplicationScoped
public class Outbox {

    /** The one place the outbox's columns are written (here and in {@link EventRows}). */
    static final String INSERT_INTO = "insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload, traceparent)";
    private static final String INSERT = INSERT_INTO + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

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
                .setParameter(9, TraceParent.current())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * The events of a set-based producer, in the session's current transaction and in one statement with the state
     * change its query makes; returns how many were written.
     */
    public Uni<Integer> publish(Mutiny.Session session, EventRows rows) {
        Mutiny.MutationQuery query = session.createNativeQuery(rows.statement());
        List<Object> params = rows.params();
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        int next = params.size() + 1;
        query.setParameter(next++, rows.topic());
        if (rows.type() != null) {
            query.setParameter(next++, rows.type());
        }
        return query.setParameter(next++, source).setParameter(next++, rows.time()).setParameter(next, TraceParent.current())
                .executeUpdate();
    }

    /** The same on a plain reactive connection (event handlers and set-based work use one). */
    public Uni<Void> publish(SqlConnection tx, OutgoingEvent event) {
        return publishAll(tx, List.of(event));
    }

    /** Several events in one statement, in the caller's transaction. */
    public Uni<Void> publishAll(SqlConnection tx, List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n], topics = new String[n], keys = new String[n], types = new String[n], subjects = new String[n],
                payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        try {
            for (int i = 0; i < n; i++) {
                OutgoingEvent e = events.get(i);
                ids[i] = e.id().toString();
                topics[i] = e.topic();
                keys[i] = e.key();
                types[i] = e.type();
                subjects[i] = e.subject();
                times[i] = e.time();
                payloads[i] = json.writeValueAsString(e.data());
            }
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event payload not serialisable", e));
        }
        return tx.preparedQuery(INSERT_INTO + " select e, t, k, ty, $8, s, o, p, $9 from unnest($1::text[], $2::text[], $3::text[], $4::text[], "
                        + "$5::text[], $6::timestamptz[], $7::text[]) as x(e, t, k, ty, s, o, p)")
                .execute(Tuple.from(new Object[] {ids, topics, keys, types, subjects, times, payloads, source, TraceParent.current()}))
                .replaceWithVoid();
    }
}
