package vn.govqms.scoring.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Assessments in PostgreSQL; writes guarded by {@code lock_version}. */
@ApplicationScoped
public class AssessmentRepository {

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public AssessmentRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> insert(SqlClient db, Assessment a) {
        return db.preparedQuery("insert into assessment (id, agency_id, province_code, year, kind, criteria_set_id, status, items, comment, "
                        + "lock_version, created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12)")
                .execute(Tuple.from(new Object[] {a.id, a.agencyId, a.provinceCode, a.year, a.kind.name(), a.criteriaSetId, a.status.name(),
                        write(a.items), a.comment, a.createdBy, a.createdAt, a.updatedAt}))
                .replaceWithVoid();
    }

    public Uni<Void> update(SqlClient db, Assessment a) {
        return db.preparedQuery("update assessment set status = $2, items = $3, comment = $4, total_points = $5, band = $6, band_label = $7, "
                        + "updated_at = $8, submitted_by = $9, submitted_at = $10, finalised_by = $11, finalised_at = $12, "
                        + "lock_version = lock_version + 1 where id = $1 and lock_version = $13")
                .execute(Tuple.from(new Object[] {a.id, a.status.name(), write(a.items), a.comment, a.totalPoints, a.band, a.bandLabel,
                        a.updatedAt, a.submittedBy, a.submittedAt, a.finalisedBy, a.finalisedAt, a.lockVersion}))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.preconditionFailed("Assessment " + a.id + " was changed by someone else; read it again.");
                    }
                    a.lockVersion++;
                    return null;
                });
    }

    public Uni<Assessment> find(SqlClient db, UUID id) {
        return db.preparedQuery("select * from assessment where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toAssessment(rows.iterator().next()));
    }

    Assessment toAssessment(Row r) {
        Assessment a = new Assessment();
        a.id = r.getUUID("id");
        a.agencyId = r.getUUID("agency_id");
        a.provinceCode = r.getString("province_code");
        a.year = r.getInteger("year");
        a.kind = AssessmentKind.valueOf(r.getString("kind"));
        a.criteriaSetId = r.getUUID("criteria_set_id");
        a.status = AssessmentStatus.valueOf(r.getString("status"));
        a.items = read(r.getString("items"));
        a.comment = r.getString("comment");
        a.totalPoints = r.getBigDecimal("total_points");
        a.band = r.getString("band");
        a.bandLabel = r.getString("band_label");
        a.lockVersion = r.getLong("lock_version");
        a.createdBy = r.getString("created_by");
        a.createdAt = r.getOffsetDateTime("created_at");
        a.updatedAt = r.getOffsetDateTime("updated_at");
        a.submittedBy = r.getString("submitted_by");
        a.submittedAt = r.getOffsetDateTime("submitted_at");
        a.finalisedBy = r.getString("finalised_by");
        a.finalisedAt = r.getOffsetDateTime("finalised_at");
        return a;
    }

    private String write(List<Item> items) {
        try {
            return json.writeValueAsString(items);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Item> read(String s) {
        try {
            return json.readValue(s, ITEMS);
        } catch (Exception e) {
            throw new IllegalStateException("stored assessment items unreadable: " + e.getMessage(), e);
        }
    }
}
