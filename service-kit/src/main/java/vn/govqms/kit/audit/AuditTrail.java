package vn.govqms.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.kit.security.AgencyRef;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Records who changed what and when, in the transaction of the change (commands go through {@code UnitOfWork}). */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = "insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, action, actor, at, changes) "
            + "values (?1, ?2, ?3, ?4, ?9, ?5, ?6, ?7, ?8)";

    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Records the entry in the session's current transaction. */
    public Uni<Void> record(Mutiny.Session session, TrailEntry entry) {
        String changes;
        try {
            changes = changes(entry);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        AgencyRef agency = entry.agency();
        return session.createNativeQuery(INSERT)
                .setParameter(1, entry.resourceType())
                .setParameter(2, entry.resourceId().toString())
                .setParameter(3, agency == null ? null : agency.id())
                .setParameter(4, agency == null ? null : agency.provinceCode())
                .setParameter(5, entry.action())
                .setParameter(6, entry.actor())
                .setParameter(7, OffsetDateTime.now(clock))
                .setParameter(8, changes)
                .setParameter(9, agency == null ? null : agency.rootId())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The same on a plain reactive connection (event handlers and set-based work use one). */
    public Uni<Void> record(SqlConnection tx, TrailEntry entry) {
        String changes;
        try {
            changes = changes(entry);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        AgencyRef agency = entry.agency();
        return tx.preparedQuery("insert into audit_trail (resource_type, resource_id, agency_id, province_code, action, actor, at, changes, root_id) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {entry.resourceType(), entry.resourceId().toString(), agency == null ? null : agency.id(),
                        agency == null ? null : agency.provinceCode(), entry.action(), entry.actor(), OffsetDateTime.now(clock), changes,
                        agency == null ? null : agency.rootId()}))
                .replaceWithVoid();
    }

    private String changes(TrailEntry entry) throws JsonProcessingException {
        return json.writeValueAsString(diff(entry.before(), entry.after()));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> diff(Object before, Object after) {
        Map<String, Object> from = before == null ? Map.of() : json.convertValue(before, Map.class);
        Map<String, Object> to = after == null ? Map.of() : json.convertValue(after, Map.class);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : to.keySet()) {
            if (!Objects.equals(from.get(key), to.get(key))) {
                Map<String, Object> change = new LinkedHashMap<>();
                if (before != null) {
                    change.put("from", from.get(key));
                }
                change.put("to", to.get(key));
                changes.put(key, change);
            }
        }
        for (String key : from.keySet()) {
            if (!to.containsKey(key) && after != null) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from.get(key));
                change.put("to", null);
                changes.put(key, change);
            }
        }
        return changes;
    }
}
