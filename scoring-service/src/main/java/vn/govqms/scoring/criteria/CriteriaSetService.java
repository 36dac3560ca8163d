package vn.govqms.scoring.criteria;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetChange;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetInput;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetSummary;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetView;
import vn.govqms.scoring.live.LiveScores;
import vn.govqms.kit.audit.AuditTrail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Criteria sets, a register owned by who issues it: a national template (no province) is drafted, changed,
 * activated and retired by {@code national-admin} only, a province's set by that province's steering committee
 * only ({@code Scope.requireRegisterWriter}); every role reads them all.
 */
@ApplicationScoped
public class CriteriaSetService {

    private final Pool pool;
    private final CriteriaSetRepository sets;
    private final AuditTrail trail;
    private final LiveScores liveScores;
    private final Caller caller;
    private final Scope scope;
    private final Clock clock;

    public CriteriaSetService(Pool pool, CriteriaSetRepository sets, AuditTrail trail, LiveScores liveScores, Caller caller, Scope scope,
                              Clock clock) {
        this.pool = pool;
        this.sets = sets;
        this.trail = trail;
        this.liveScores = liveScores;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    public record Filter(String provinceCode, CriteriaSetStatus status, Integer year) {
    }

    public record Versioned(CriteriaSetView view, long version) {
    }

    public Uni<Versioned> create(CriteriaSetInput in) {
        scope.requireRegisterWriter(in.provinceCode());
        Definition definition = in.definition();
        definition.check();
        CriteriaSet set = CriteriaSet.draft(in.provinceCode(), in.name().trim(), in.appliesFromYear(), definition, caller.subject(),
                OffsetDateTime.now(clock));
        return pool.withTransaction(tx -> sets.insert(tx, set)
                .chain(() -> trail.record(tx, "criteria-set", set.id, province(set), "created", caller.subject(), null, audit(set))))
                .map(v -> new Versioned(CriteriaSetView.of(set), set.lockVersion));
    }

    public Uni<Page<CriteriaSetSummary>> list(Filter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.provinceCode() != null) {
            params.add(f.provinceCode());
            where.add("province_code = $" + params.size());
        }
        if (f.status() != null) {
            params.add(f.status().name());
            where.add("status = $" + params.size());
        }
        if (f.year() != null) {
            params.add(f.year());
            where.add("applies_from_year <= $" + params.size());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        params.add(page.size());
        params.add(page.offset());
        String sql = "select id, province_code, name, applies_from_year, version_no, status, total_max_points, activated_at, "
                + "count(*) over () as total from criteria_set" + filter
                + " order by province_code nulls first, applies_from_year desc, version_no desc, id limit $" + (params.size() - 1)
                + " offset $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).chain(rows -> {
            List<CriteriaSetSummary> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                CriteriaSetStatus status = CriteriaSetStatus.valueOf(r.getString("status"));
                items.add(new CriteriaSetSummary(r.getUUID("id"), r.getString("province_code"), r.getString("name"),
                        r.getInteger("applies_from_year"), r.getInteger("version_no"), status, status.label(),
                        r.getBigDecimal("total_max_points"), r.getOffsetDateTime("activated_at")));
            }
            if (items.isEmpty() && page.offset() > 0) {
                return pool.preparedQuery("select count(*) from criteria_set" + filter)
                        .execute(Tuple.from(params.subList(0, params.size() - 2)))
                        .map(c -> Page.of(items, page, c.iterator().next().getLong(0)));
            }
            return Uni.createFrom().item(Page.of(items, page, total));
        });
    }

    public Uni<CriteriaSet> load(UUID id) {
        return require(pool, id);
    }

    public Uni<Versioned> get(UUID id) {
        return require(pool, id).map(s -> new Versioned(CriteriaSetView.of(s), s.lockVersion));
    }

    public Uni<Versioned> update(UUID id, CriteriaSetChange in, String ifMatch) {
        Definition definition = in.definition();
        definition.check();
        return pool.withTransaction(tx -> require(tx, id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            ETags.requireMatch(ifMatch, set.lockVersion);
            Map<String, Object> before = audit(set);
            set.edit(in.name().trim(), in.appliesFromYear(), definition, OffsetDateTime.now(clock));
            return sets.update(tx, set)
                    .chain(() -> trail.record(tx, "criteria-set", set.id, province(set), "edited", caller.subject(), before, audit(set)))
                    .map(v -> new Versioned(CriteriaSetView.of(set), set.lockVersion));
        }));
    }

    /** Activates a draft whose points make 100; it replaces the active set of its province and year, and live scores follow it. */
    public Uni<Versioned> activate(UUID id) {
        return pool.withTransaction(tx -> require(tx, id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            Map<String, Object> before = audit(set);
            set.activate(OffsetDateTime.now(clock));
            return sets.update(tx, set)
                    .chain(() -> sets.retireOthers(tx, set))
                    .chain(retired -> trail.record(tx, "criteria-set", set.id, province(set), "activated", caller.subject(), before,
                            Map.of("status", set.status.name(), "replaced", retired.toString())))
                    .chain(() -> liveScores.recomputeProvince(tx, set.provinceCode, "criteria-set.activated"))
                    .map(v -> new Versioned(CriteriaSetView.of(set), set.lockVersion));
        }));
    }

    public Uni<Versioned> retire(UUID id) {
        return pool.withTransaction(tx -> require(tx, id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            Map<String, Object> before = audit(set);
            set.retire(OffsetDateTime.now(clock));
            return sets.update(tx, set)
                    .chain(() -> trail.record(tx, "criteria-set", set.id, province(set), "retired", caller.subject(), before, audit(set)))
                    .map(v -> new Versioned(CriteriaSetView.of(set), set.lockVersion));
        }));
    }

    /** A new draft version copied from {@code id} (any status): the way to change an active set. */
    public Uni<Versioned> newVersion(UUID id) {
        return pool.withTransaction(tx -> require(tx, id).chain(source -> {
            scope.requireRegisterWriter(source.provinceCode);
            return sets.maxVersion(tx, source.id).chain(max -> {
                CriteriaSet next = source.nextVersion(max + 1, caller.subject(), OffsetDateTime.now(clock));
                return sets.insert(tx, next)
                        .chain(() -> trail.record(tx, "criteria-set", next.id, province(next), "versioned", caller.subject(), null,
                                Map.of("from", source.id.toString(), "version", next.versionNo)))
                        .map(v -> new Versioned(CriteriaSetView.of(next), next.lockVersion));
            });
        }));
    }

    public Uni<CriteriaSet> require(SqlClient db, UUID id) {
        return sets.find(db, id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("criteria set", id);
            }
            return s;
        });
    }

    /** The audit trail of a set is read within its province (national sets: by nobody's agency, no province). */
    private static AgencyRef province(CriteriaSet s) {
        return new AgencyRef(null, s.provinceCode, null, null);
    }

    private static Map<String, Object> audit(CriteriaSet s) {
        return Map.of("name", s.name, "appliesFromYear", s.appliesFromYear, "status", s.status.name(), "version", s.versionNo,
                "totalMaxPoints", s.definition.totalMaxPoints().toPlainString(), "criteria", s.definition.criteria().count());
    }
}
