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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Records who changed what and when, in the transaction of the change (commands go through {@code UnitOfWork}). */
@ApplicationScoped
public class AuditTrail {

    private static final String COLUMNS = "insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, "
            + "action, actor, at, changes) values ";
    private static final int PER_ROW = 9;

    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Records the entries in the session's current transaction, in one statement (a checklist batch writes dozens). */
    public Uni<Void> record(Mutiny.Session session, List<TrailEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows;
        try {
            rows = rows(entries);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        StringBuilder sql = new StringBuilder(COLUMNS);
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 1; c <= PER_ROW; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(r * PER_ROW + c);
            }
            sql.append(')');
        }
        Mutiny.Query<Object> insert = session.createNativeQuery(sql.toString());
        int position = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                insert.setParameter(position++, value);
            }
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    /** The same on a plain reactive connection (event handlers and set-based work use one), as one batch. */
    public Uni<Void> record(SqlConnection tx, List<TrailEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows;
        try {
            rows = rows(entries);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery(COLUMNS + "($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(rows.stream().map(Tuple::from).toList())
                .replaceWithVoid();
    }

    /** Each entry's values in the order of {@link #COLUMNS}. */
    private List<Object[]> rows(List<TrailEntry> entries) throws JsonProcessingException {
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (TrailEntry entry : entries) {
            AgencyRef agency = entry.agency();
            rows.add(new Object[] {entry.resourceType(), entry.resourceId().toString(), agency == null ? null : agency.id(),
                    agency == null ? null : agency.provinceCode(), agency == null ? null : agency.rootId(), entry.action(),
                    entry.actor(), at, changes(entry)});
        }
        return rows;
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
