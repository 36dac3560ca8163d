package vn.govqms.scoring.objective;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.scoring.criteria.Comparison;
import vn.govqms.scoring.indicator.IndicatorCode;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.objective.ObjectiveDtos.ObjectiveView;
import vn.govqms.scoring.support.Agencies;
import vn.govqms.kit.audit.AuditTrail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quality objectives of an agency: set by its head or ISO officer (or the steering committee over it), evaluated
 * at once and whenever their KPI moves ({@link Objectives}); objectives of a year that has ended are
 * checked once an hour, so one not met becomes missed without waiting for its KPI to move. Reads and changes
 * are decided by the kit's {@link Scope} on the objective's agency.
 */
@ApplicationScoped
public class ObjectiveService {

    private final Pool pool;
    private final Agencies agencies;
    private final IndicatorRepository indicators;
    private final Objectives objectives;
    private final AuditTrail trail;
    private final Caller caller;
    private final Scope scope;
    private final Clock clock;

    public ObjectiveService(Pool pool, Agencies agencies, IndicatorRepository indicators, Objectives objectives, AuditTrail trail,
                            Caller caller, Scope scope, Clock clock) {
        this.pool = pool;
        this.agencies = agencies;
        this.indicators = indicators;
        this.objectives = objectives;
        this.trail = trail;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    public record Versioned(ObjectiveView view, long version) {
    }

    /** An objective with its agency as the scope sees it. */
    private record Held(Versioned objective, AgencyRef agency) {
    }

    public Uni<Versioned> create(ObjectiveDtos.NewObjective in) {
        return agencies.requireReferenced("agencyId", in.agencyId()).invoke(a -> scope.requireWrite(a.ref())).chain(agency -> pool.withTransaction(tx -> {
            UUID id = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(clock);
            return tx.preparedQuery("insert into quality_objective (id, agency_id, province_code, year, title, kpi, comparison, target, status, "
                            + "lock_version, created_by, created_at, updated_at, status_changed_at) "
                            + "values ($1, $2, $3, $4, $5, $6, $7, $8, 'ON_TRACK', 0, $9, $10, $10, $10)")
                    .execute(Tuple.from(new Object[] {id, agency.id(), agency.provinceCode(), in.year(), in.title().trim(), in.kpi().name(),
                            in.comparison().name(), in.target(), caller.subject(), now}))
                    .chain(() -> evaluate(tx, agency.id(), in.year()))
                    .chain(() -> trail.record(tx, "quality-objective", id, agency.ref(), "created", caller.subject(), null,
                            Map.of("title", in.title().trim(), "kpi", in.kpi().name(), "comparison", in.comparison().name(),
                                    "target", in.target().toPlainString())))
                    .chain(() -> find(tx, id));
        }));
    }

    public Uni<Versioned> update(UUID id, ObjectiveDtos.ObjectiveChange in, String ifMatch) {
        return pool.withTransaction(tx -> require(tx, id).invoke(h -> scope.requireWrite(h.agency())).chain(held -> {
            Versioned current = held.objective();
            ETags.requireMatch(ifMatch, current.version());
            ObjectiveView o = current.view();
            return tx.preparedQuery("update quality_objective set title = $2, comparison = $3, target = $4, updated_at = $5, "
                            + "lock_version = lock_version + 1 where id = $1 and lock_version = $6")
                    .execute(Tuple.from(new Object[] {id, in.title().trim(), in.comparison().name(), in.target(), OffsetDateTime.now(clock),
                            current.version()}))
                    .invoke(rows -> {
                        if (rows.rowCount() == 0) {
                            throw ProblemException.preconditionFailed("Quality objective " + id + " was changed by someone else; read it again.");
                        }
                    })
                    .chain(() -> evaluate(tx, o.agencyId(), o.year()))
                    .chain(() -> trail.record(tx, "quality-objective", id, held.agency(), "changed",
                            caller.subject(), Map.of("title", o.title(), "comparison", o.comparison().name(), "target", o.target().toPlainString()),
                            Map.of("title", in.title().trim(), "comparison", in.comparison().name(), "target", in.target().toPlainString())))
                    .chain(() -> find(tx, id));
        }));
    }

    public Uni<Versioned> get(UUID id) {
        return require(pool, id).invoke(h -> scope.requireRead(h.agency())).map(Held::objective);
    }

    /** The objectives of one agency the caller reads, or of every agency it may list ({@code Scope.rows()}). */
    public Uni<Page<ObjectiveView>> list(UUID agencyId, Integer year, ObjectiveStatus status, PageRequest page) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        Uni<Void> allowed;
        if (agencyId != null) {
            allowed = agencies.require(agencyId).invoke(a -> scope.requireRead(a.ref())).replaceWithVoid();
            params.add(agencyId);
            where.add("o.agency_id = $" + params.size());
        } else {
            where.add(scope.rows().sqlAppending("d", params));
            allowed = Uni.createFrom().voidItem();
        }
        if (year != null) {
            params.add(year);
            where.add("o.year = $" + params.size());
        }
        if (status != null) {
            params.add(status.name());
            where.add("o.status = $" + params.size());
        }
        params.add(page.size());
        params.add(page.offset());
        String sql = "select o.*, count(*) over () as total from quality_objective o left join agency_directory d on d.id = o.agency_id where "
                + String.join(" and ", where) + " order by o.year desc, o.title, o.id limit $" + (params.size() - 1) + " offset $" + params.size();
        return allowed.chain(() -> pool.preparedQuery(sql).execute(Tuple.from(params))).map(rows -> {
            List<ObjectiveView> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(view(r));
            }
            return Page.of(items, page, total);
        });
    }

    /** Objectives of ended years not yet missed, re-evaluated (idempotent: only a status change publishes). */
    @Scheduled(every = "${govqms.objectives.year-end-check-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkEndedYears() {
        int current = LocalDate.now(clock).getYear();
        return pool.preparedQuery("select distinct agency_id, year from quality_objective where year < $1 and status <> 'MISSED'")
                .execute(Tuple.of(current))
                .chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    if (due.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Log.infof("re-evaluating the quality objectives of %d agency-years that have ended", due.size());
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(r -> pool.withTransaction(tx -> evaluate(tx, r.getUUID(0), r.getInteger(1))))
                            .collect().last().replaceWithVoid();
                })
                .onFailure().invoke(f -> Log.warnf("year-end objective check failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> evaluate(SqlConnection tx, UUID agency, int year) {
        return indicators.forAgencies(tx, List.of(agency), year).chain(ind -> objectives.recompute(tx, ind, year));
    }

    /** The objective and its agency, or 404; the caller's scope is checked by the caller of this method. */
    private Uni<Held> require(SqlClient db, UUID id) {
        return db.preparedQuery("select * from quality_objective where id = $1").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("quality objective", id);
            }
            Row r = rows.iterator().next();
            Versioned o = new Versioned(view(r), r.getLong("lock_version"));
            return agencies.refOf(db, o.view().agencyId(), r.getString("province_code")).map(ref -> new Held(o, ref));
        });
    }

    private Uni<Versioned> find(SqlClient db, UUID id) {
        return db.preparedQuery("select * from quality_objective where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : new Versioned(view(rows.iterator().next()), rows.iterator().next().getLong("lock_version")));
    }

    private static ObjectiveView view(Row r) {
        IndicatorCode kpi = IndicatorCode.valueOf(r.getString("kpi"));
        ObjectiveStatus status = ObjectiveStatus.valueOf(r.getString("status"));
        return new ObjectiveView(r.getUUID("id"), r.getUUID("agency_id"), r.getInteger("year"), r.getString("title"), kpi, kpi.label(),
                Comparison.valueOf(r.getString("comparison")), r.getBigDecimal("target"), r.getBigDecimal("actual"), status, status.label(),
                r.getOffsetDateTime("status_changed_at"), r.getString("created_by"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }
}
