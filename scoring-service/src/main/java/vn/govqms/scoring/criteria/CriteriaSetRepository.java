package vn.govqms.scoring.criteria;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Criteria sets in PostgreSQL; writes are guarded by {@code lock_version} (optimistic concurrency). */
@ApplicationScoped
public class CriteriaSetRepository {

    private static final String COLUMNS = "id, province_code, name, applies_from_year, version_no, status, previous_id, definition, "
            + "lock_version, created_by, created_at, updated_at, activated_at, retired_at";

    private final ObjectMapper json;

    public CriteriaSetRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> insert(SqlClient db, CriteriaSet s) {
        return db.preparedQuery("insert into criteria_set (" + COLUMNS + ", total_max_points) values "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12, $13, $14)")
                .execute(Tuple.from(new Object[] {s.id, s.provinceCode, s.name, s.appliesFromYear, s.versionNo, s.status.name(),
                        s.previousId, write(s.definition), s.createdBy, s.createdAt, s.updatedAt, s.activatedAt, s.retiredAt,
                        s.definition.totalMaxPoints()}))
                .replaceWithVoid();
    }

    /** Saves a loaded set; 412 when someone changed it since it was read. */
    public Uni<Void> update(SqlClient db, CriteriaSet s) {
        return db.preparedQuery("update criteria_set set name = $2, applies_from_year = $3, status = $4, definition = $5, "
                        + "total_max_points = $6, updated_at = $7, activated_at = $8, retired_at = $9, lock_version = lock_version + 1 "
                        + "where id = $1 and lock_version = $10")
                .execute(Tuple.from(new Object[] {s.id, s.name, s.appliesFromYear, s.status.name(), write(s.definition),
                        s.definition.totalMaxPoints(), s.updatedAt, s.activatedAt, s.retiredAt, s.lockVersion}))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.preconditionFailed("Criteria set " + s.id + " was changed by someone else; read it again.");
                    }
                    s.lockVersion++;
                    return null;
                });
    }

    public Uni<CriteriaSet> find(SqlClient db, UUID id) {
        return db.preparedQuery("select " + COLUMNS + " from criteria_set where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toSet(rows.iterator().next()));
    }

    /** The sets of these ids, by id (an unknown id is absent). */
    public Uni<Map<UUID, CriteriaSet>> findAll(SqlClient db, Collection<UUID> ids) {
        return db.preparedQuery("select " + COLUMNS + " from criteria_set where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, CriteriaSet> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("id"), toSet(r)));
                    return out;
                });
    }

    public Uni<Integer> maxVersion(SqlClient db, UUID rootOf) {
        return db.preparedQuery("""
                        with recursive lineage as (
                            select id, previous_id from criteria_set where id = $1
                            union select c.id, c.previous_id from criteria_set c join lineage l on c.id = l.previous_id
                        ), descendants as (
                            select id from lineage
                            union select c.id from criteria_set c join descendants d on c.previous_id = d.id
                        )
                        select coalesce(max(version_no), 0) from criteria_set where id in (select id from descendants)""")
                .execute(Tuple.of(rootOf)).map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The set in force for a province in a year: its own active set, else the national one. */
    public Uni<CriteriaSet> activeFor(SqlClient db, String provinceCode, int year) {
        return db.preparedQuery("select " + COLUMNS + " from criteria_set where status = 'ACTIVE' and applies_from_year <= $2 "
                        + "and (province_code = $1 or province_code is null) "
                        + "order by province_code nulls last, applies_from_year desc, version_no desc limit 1")
                .execute(Tuple.of(provinceCode, year)).map(rows -> rows.size() == 0 ? null : toSet(rows.iterator().next()));
    }

    /** Only the id of the set in force for a province in a year (no definition read), or null. */
    public Uni<UUID> activeIdFor(SqlClient db, String provinceCode, int year) {
        return db.preparedQuery("select id from criteria_set where status = 'ACTIVE' and applies_from_year <= $2 "
                        + "and (province_code = $1 or province_code is null) "
                        + "order by province_code nulls last, applies_from_year desc, version_no desc limit 1")
                .execute(Tuple.of(provinceCode, year)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    /** The sets in force for several provinces in a year (province → set; absent when none). */
    public Uni<Map<String, CriteriaSet>> activeFor(SqlClient db, List<String> provinces, int year) {
        return db.preparedQuery("""
                        select distinct on (p.code) p.code as for_province, c.id, c.province_code, c.name, c.applies_from_year, c.version_no,
                               c.status, c.previous_id, c.definition, c.lock_version, c.created_by, c.created_at, c.updated_at,
                               c.activated_at, c.retired_at
                        from unnest($1::text[]) p(code)
                        join criteria_set c on c.status = 'ACTIVE' and c.applies_from_year <= $2
                             and (c.province_code = p.code or c.province_code is null)
                        order by p.code, c.province_code nulls last, c.applies_from_year desc, c.version_no desc""")
                .execute(Tuple.of(provinces.toArray(new String[0]), year)).map(rows -> {
                    Map<String, CriteriaSet> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("for_province"), toSet(r));
                    }
                    return out;
                });
    }

    /** Retires the other active sets of the same province and starting year (the newly activated one replaces them). */
    public Uni<List<UUID>> retireOthers(SqlClient db, CriteriaSet activated) {
        return db.preparedQuery("update criteria_set set status = 'RETIRED', retired_at = $3, updated_at = $3, lock_version = lock_version + 1 "
                        + "where status = 'ACTIVE' and id <> $1 and province_code is not distinct from $2 and applies_from_year = $4 returning id")
                .execute(Tuple.of(activated.id, activated.provinceCode, activated.activatedAt, activated.appliesFromYear))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    public Uni<RowSet<Row>> query(SqlClient db, String sql, Tuple params) {
        return db.preparedQuery(sql).execute(params);
    }

    CriteriaSet toSet(Row r) {
        CriteriaSet s = new CriteriaSet();
        s.id = r.getUUID("id");
        s.provinceCode = r.getString("province_code");
        s.name = r.getString("name");
        s.appliesFromYear = r.getInteger("applies_from_year");
        s.versionNo = r.getInteger("version_no");
        s.status = CriteriaSetStatus.valueOf(r.getString("status"));
        s.previousId = r.getUUID("previous_id");
        s.definition = read(r.getString("definition"));
        s.lockVersion = r.getLong("lock_version");
        s.createdBy = r.getString("created_by");
        s.createdAt = r.getOffsetDateTime("created_at");
        s.updatedAt = r.getOffsetDateTime("updated_at");
        s.activatedAt = r.getOffsetDateTime("activated_at");
        s.retiredAt = r.getOffsetDateTime("retired_at");
        return s;
    }

    private String write(Definition d) {
        try {
            return json.writeValueAsString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Definition read(String text) {
        try {
            return json.readValue(text, Definition.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored criteria set definition unreadable: " + e.getMessage(), e);
        }
    }
}
