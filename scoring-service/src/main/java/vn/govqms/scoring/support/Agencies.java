package vn.govqms.scoring.support;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The agencies this service knows (the kit's directory read model): an agency id turned into what the kit's
 * {@code Scope} decides on ({@link Agency#ref()}), and names. Unknown agencies are 404 (a path) or 422 (a body
 * field); whether the caller may read or change the agency is {@code Scope}'s decision, not this class's.
 */
@ApplicationScoped
public class Agencies {

    /** An agency of the directory: id, electronic code, name, province, the root of its tree, the day it ended. */
    public record Agency(UUID id, String code, String name, String provinceCode, UUID rootId, LocalDate validTo) {
        public AgencyRef ref() {
            return new AgencyRef(id, provinceCode, rootId, validTo);
        }
    }

    private static final String FIND = "select id, code, name, province_code, root_id, valid_to from agency_directory where id = $1";

    private final Pool pool;

    public Agencies(Pool pool) {
        this.pool = pool;
    }

    /** The agency, or null when the directory does not know it. */
    public Uni<Agency> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : toAgency(rows.iterator().next()));
    }

    /** The agency named in a path or query parameter, or 404. */
    public Uni<Agency> require(UUID id) {
        return find(pool, id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("agency", id);
            }
            return a;
        });
    }

    /** The agency named by a body field, or 422 unknown-reference. */
    public Uni<Agency> requireReferenced(String field, UUID id) {
        return find(pool, id).map(a -> {
            if (a == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "No agency with id " + id + " is known to scoring-service.", Map.of("field", field));
            }
            return a;
        });
    }

    /**
     * The agency a stored record (an assessment, an objective) belongs to, as {@code Scope} needs it: from the
     * directory, or only its id and the province recorded with it when the directory has lost it (no ministry
     * reaches it then, and no agency's ended date makes it read-only).
     */
    public Uni<AgencyRef> refOf(SqlClient client, UUID id, String recordedProvince) {
        return find(client, id).map(a -> a != null ? a.ref() : new AgencyRef(id, recordedProvince, null, null));
    }

    static Agency toAgency(Row r) {
        return new Agency(r.getUUID("id"), r.getString("code"), r.getString("name"), r.getString("province_code"), r.getUUID("root_id"),
                r.getLocalDate("valid_to"));
    }
}
