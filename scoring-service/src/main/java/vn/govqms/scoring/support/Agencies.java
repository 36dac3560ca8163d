package vn.govqms.scoring.support;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;

import java.util.Map;
import java.util.UUID;

/** The agencies this service knows (the kit's directory read model), for scope checks and names. */
@ApplicationScoped
public class Agencies {

    /** An agency of the directory: id, electronic code, name, province. */
    public record Agency(UUID id, String code, String name, String provinceCode) {
        public AgencyRef ref() {
            return new AgencyRef(id, provinceCode);
        }
    }

    private final Pool pool;

    public Agencies(Pool pool) {
        this.pool = pool;
    }

    public Uni<Agency> find(SqlClient client, UUID id) {
        return client.preparedQuery("select id, code, name, province_code from agency_directory where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : toAgency(rows.iterator().next()));
    }

    /** The agency, or 404; 403 when outside the caller's scope. */
    public Uni<Agency> require(UUID id, Caller caller) {
        return find(pool, id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("agency", id);
            }
            caller.requireAgency(a.ref());
            return a;
        });
    }

    /** For a body field naming an agency: 422 unknown-reference when unknown, 403 outside scope. */
    public Uni<Agency> requireReferenced(String field, UUID id, Caller caller) {
        return find(pool, id).map(a -> {
            if (a == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "No agency with id " + id + " is known to scoring-service.", Map.of("field", field));
            }
            caller.requireAgency(a.ref());
            return a;
        });
    }

    static Agency toAgency(Row r) {
        return new Agency(r.getUUID("id"), r.getString("code"), r.getString("name"), r.getString("province_code"));
    }
}
