package vn.govqms.scoring.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.security.AgencyRef;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the kit's outbox and audit-trail rows on a plain reactive SQL connection. This service works
 * set-based on {@link SqlConnection}s (the kit's event handlers receive one too), while the kit's
 * {@code Outbox} and {@code AuditTrail} take a Hibernate session: the rows, tables and relay are the
 * kit's, only the connection type differs.
 */
@ApplicationScoped
public class Changes {

    public static final String TOPIC = "scoring.events";

    private static final String OUTBOX = "insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8)";
    private static final String TRAIL = "insert into audit_trail (resource_type, resource_id, agency_id, province_code, action, actor, at, changes) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8)";

    private final ObjectMapper json;
    private final String source;
    private final Clock clock;

    public Changes(ObjectMapper json, Outbox outbox, Clock clock) {
        this.json = json;
        this.source = outbox.source();
        this.clock = clock;
    }

    public String source() {
        return source;
    }

    public Uni<Void> publish(SqlConnection tx, OutgoingEvent e) {
        return tx.preparedQuery(OUTBOX).execute(Tuple.from(new Object[] {e.id().toString(), e.topic(), e.key(), e.type(), source,
                e.subject(), e.time(), write(e.data())})).replaceWithVoid();
    }

    /** Several events in one statement (set-based recomputations). */
    public Uni<Void> publishAll(SqlConnection tx, List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n], topics = new String[n], keys = new String[n], types = new String[n], subjects = new String[n],
                payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutgoingEvent e = events.get(i);
            ids[i] = e.id().toString();
            topics[i] = e.topic();
            keys[i] = e.key();
            types[i] = e.type();
            subjects[i] = e.subject();
            times[i] = e.time();
            payloads[i] = write(e.data());
        }
        return tx.preparedQuery("insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload) "
                        + "select e, t, k, ty, $8, s, o, p from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], "
                        + "$6::timestamptz[], $7::text[]) as x(e, t, k, ty, s, o, p)")
                .execute(Tuple.from(new Object[] {ids, topics, keys, types, subjects, times, payloads, source})).replaceWithVoid();
    }

    /** Records who did what; {@code before}/{@code after} are maps of the fields that matter (only differences are kept). */
    public Uni<Void> record(SqlConnection tx, String resourceType, Object resourceId, AgencyRef agency, String action, String actor,
                            Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (after != null) {
            after.forEach((k, v) -> {
                Object from = before == null ? null : before.get(k);
                if (before == null || !Objects.equals(from, v)) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    if (before != null) {
                        change.put("from", from);
                    }
                    change.put("to", v);
                    changes.put(k, change);
                }
            });
        }
        return tx.preparedQuery(TRAIL).execute(Tuple.from(new Object[] {resourceType, resourceId.toString(),
                agency == null ? null : agency.id(), agency == null ? null : agency.provinceCode(), action, actor,
                OffsetDateTime.now(clock), write(changes)})).replaceWithVoid();
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + e.getMessage(), e);
        }
    }
}
