package vn.govqms.kit.agency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The agency directory of a consuming service: an upsert per agency event, guarded by the agency's
 * revision so that an older event arriving late never overwrites a newer state.
 */
@ApplicationScoped
@IfBuildProperty(name = "govqms.agency-directory.enabled", stringValue = "true")
public class AgencyDirectory implements EventHandler {

    public static final String REGISTERED = EventTypes.of("document", "agency.registered");
    public static final String UPDATED = EventTypes.of("document", "agency.updated");

    private static final String UPSERT = """
            insert into agency_directory (id, code, name, level, parent_id, province_code, root_id, valid_from, valid_to, revision, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
            on conflict (id) do update set code = excluded.code, name = excluded.name, level = excluded.level,
                parent_id = excluded.parent_id, province_code = excluded.province_code, root_id = excluded.root_id, valid_from = excluded.valid_from,
                valid_to = excluded.valid_to, revision = excluded.revision, updated_at = excluded.updated_at
            where agency_directory.revision < excluded.revision""";

    @Inject Pool pool;

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED, UPDATED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        AgencyEventData a = event.dataAs(AgencyEventData.class);
        if (a.agencyId() == null || a.code() == null || a.name() == null || a.level() == null || a.provinceCode() == null) {
            throw new PoisonEventException("agency event without agencyId, code, name, level or provinceCode");
        }
        return tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {a.agencyId(), a.code(), a.name(), a.level(),
                a.parentId(), a.provinceCode(), a.rootId() == null ? a.agencyId() : a.rootId(), a.validFrom(), a.validTo(), a.revision()})).replaceWithVoid();
    }

    public Uni<Optional<DirectoryAgency>> find(UUID id) {
        return pool.preparedQuery("select * from agency_directory where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAgency(rows.iterator().next())));
    }

    static DirectoryAgency toAgency(Row r) {
        return new DirectoryAgency(r.getUUID("id"), r.getString("code"), r.getString("name"), r.getString("level"),
                r.getUUID("parent_id"), r.getString("province_code"), r.getUUID("root_id"), r.getLocalDate("valid_from"),
                r.getLocalDate("valid_to"), r.getLong("revision"), r.getOffsetDateTime("updated_at"));
    }
}
