package vn.govqms.scoring.criteria;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The criteria sets that set-based work reads (live scores, rankings) on its reactive connection, the SQL in one
 * place. The sets come back detached, for reading only: changes go through the {@link CriteriaSet} entity.
 */
@ApplicationScoped
public class CriteriaSetQueries {

    private static final String COLUMNS = "c.id, c.province_code, c.name, c.applies_from_year, c.version_no, c.status, c.previous_id, "
            + "c.definition::text as definition, c.total_max_points, c.lock_version, c.created_by, c.created_at, c.updated_at, "
            + "c.activated_at, c.retired_at";

    /** The set in force for a province in a year: its own active set (highest year, then version), else the national one. */
    private static final String IN_FORCE = "c.status = 'ACTIVE' and c.applies_from_year <= $2 and (c.province_code = $1 or c.province_code is null) "
            + "order by c.province_code nulls last, c.applies_from_year desc, c.version_no desc limit 1";

    private static final String BY_IDS = "select " + COLUMNS + " from criteria_set c where c.id = any($1)";

    private static final String ACTIVE_FOR = "select " + COLUMNS + " from criteria_set c where " + IN_FORCE;

    private static final String ACTIVE_ID_FOR = "select c.id from criteria_set c where " + IN_FORCE;

    private static final String ACTIVE_FOR_PROVINCES = """
            select distinct on (p.code) p.code as for_province, %s
            from unnest($1::text[]) p(code)
            join criteria_set c on c.status = 'ACTIVE' and c.applies_from_year <= $2
                 and (c.province_code = p.code or c.province_code is null)
            order by p.code, c.province_code nulls last, c.applies_from_year desc, c.version_no desc""".formatted(COLUMNS);

    @Inject ObjectMapper json;

    /** The sets of these ids, by id (an unknown id is absent). */
    public Uni<Map<UUID, CriteriaSet>> findAll(SqlClient db, Collection<UUID> ids) {
        return db.preparedQuery(BY_IDS).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, CriteriaSet> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getUUID("id"), toSet(r)));
            return out;
        });
    }

    /** The set in force for a province in a year, or null. */
    public Uni<CriteriaSet> activeFor(SqlClient db, String provinceCode, int year) {
        return db.preparedQuery(ACTIVE_FOR).execute(Tuple.of(provinceCode, year))
                .map(rows -> rows.size() == 0 ? null : toSet(rows.iterator().next()));
    }

    /** Only the id of the set in force for a province in a year (no definition read), or null. */
    public Uni<UUID> activeIdFor(SqlClient db, String provinceCode, int year) {
        return db.preparedQuery(ACTIVE_ID_FOR).execute(Tuple.of(provinceCode, year))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    /** The sets in force for several provinces in a year (province → set; absent when none). */
    public Uni<Map<String, CriteriaSet>> activeFor(SqlClient db, List<String> provinces, int year) {
        return db.preparedQuery(ACTIVE_FOR_PROVINCES).execute(Tuple.of(provinces.toArray(new String[0]), year)).map(rows -> {
            Map<String, CriteriaSet> out = new HashMap<>();
            for (Row r : rows) {
                out.put(r.getString("for_province"), toSet(r));
            }
            return out;
        });
    }

    private CriteriaSet toSet(Row r) {
        CriteriaSet s = new CriteriaSet();
        s.id = r.getUUID("id");
        s.provinceCode = r.getString("province_code");
        s.name = r.getString("name");
        s.appliesFromYear = r.getInteger("applies_from_year");
        s.versionNo = r.getInteger("version_no");
        s.status = CriteriaSetStatus.valueOf(r.getString("status"));
        s.previousId = r.getUUID("previous_id");
        try {
            s.definition = json.readValue(r.getString("definition"), Definition.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored criteria set definition unreadable: " + e.getMessage(), e);
        }
        s.totalMaxPoints = r.getBigDecimal("total_max_points");
        s.version = r.getLong("lock_version");
        s.createdBy = r.getString("created_by");
        s.createdAt = r.getOffsetDateTime("created_at");
        s.updatedAt = r.getOffsetDateTime("updated_at");
        s.activatedAt = r.getOffsetDateTime("activated_at");
        s.retiredAt = r.getOffsetDateTime("retired_at");
        return s;
    }
}
