package vn.govqms.scoring.objective;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.indicator.Indicators;
import vn.govqms.scoring.objective.ObjectiveDtos.ObjectiveView;
import vn.govqms.scoring.support.AgencyLookup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quality objectives of an agency: set by its head or ISO officer (or the steering committee over it), evaluated
 * at once (the {@link QualityObjective} entity, in the command's transaction) and whenever their KPI moves
 * ({@link Objectives}, set-based); objectives of a year that has ended are checked once an hour, so one not met
 * becomes missed without waiting for its KPI to move. Reads and changes are decided by the kit's {@link Scope} on
 * the objective's agency.
 */
@ApplicationScoped
public class ObjectiveService {

    @Inject Pool pool;
    @Inject AgencyLookup agencies;
    @Inject IndicatorRepository indicators;
    @Inject Objectives objectives;
    @Inject UnitOfWork work;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    public record Versioned(ObjectiveView view, long version) {
        static Versioned of(QualityObjective o) {
            return new Versioned(ObjectiveView.of(o), o.version);
        }
    }

    /** An objective with its agency as the scope sees it. */
    private record Held(QualityObjective objective, AgencyRef agency) {
    }

    /** Stored, then evaluated against the KPI now (so a new objective's ETag counts both, as each later change does). */
    public Uni<Versioned> create(ObjectiveDtos.NewObjective in) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.requireReferenced("agencyId", in.agencyId()).invoke(a -> scope.requireWrite(a.ref()))
                .chain(agency -> indicators.forAgency(pool, agency.id(), in.year()).chain(kpis -> Panache.withTransaction(() -> {
                    QualityObjective o = QualityObjective.set(agency.id(), agency.provinceCode(), in.year(), in.title().trim(), in.kpi(),
                            in.comparison(), in.target(), caller.subject(), now);
                    return o.persist().chain(() -> Panache.getSession()).chain(session -> session.flush()
                            .chain(() -> {
                                OutgoingEvent entered = evaluated(o, kpis, now);
                                return work.record(session, () -> Outcome.of(TrailEntry.on("quality-objective", o.id, agency.ref()).did("created",
                                        caller.subject(), null, Map.of("title", o.title, "kpi", o.kpi.name(), "comparison", o.comparison.name(),
                                                "target", o.target.toPlainString())), entered));
                            }))
                            .map(v -> Versioned.of(o));
                })));
    }

    public Uni<Versioned> update(UUID id, ObjectiveDtos.ObjectiveChange in, String ifMatch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> require(id).invoke(h -> scope.requireWrite(h.agency())).chain(held -> {
            QualityObjective o = held.objective();
            ETags.requireMatch(ifMatch, o.version);
            Map<String, Object> before = Map.of("title", o.title, "comparison", o.comparison.name(), "target", o.target.toPlainString());
            o.change(in.title().trim(), in.comparison(), in.target(), now);
            return indicators.forAgency(pool, o.agencyId, o.year).chain(kpis -> {
                        // evaluated before the flush, so that the new version counts the evaluation too
                        OutgoingEvent entered = evaluated(o, kpis, now);
                        return work.record(() -> Outcome.of(TrailEntry.on("quality-objective", id, held.agency()).did("changed", caller.subject(),
                                before, Map.of("title", o.title, "comparison", o.comparison.name(), "target", o.target.toPlainString())), entered));
                    })
                    .map(v -> Versioned.of(o));
        }));
    }

    public Uni<Versioned> get(UUID id) {
        return Panache.withSession(() -> require(id)).invoke(h -> scope.requireRead(h.agency())).map(h -> Versioned.of(h.objective()));
    }

    /** The objectives of one agency the caller reads, or of every agency it may list ({@code Scope.rows()}). */
    public Uni<Page<ObjectiveView>> list(UUID agencyId, Integer year, ObjectiveStatus status, PageRequest page) {
        Where where = new Where().equal("agencyId", agencyId).equal("year", year).equal("status", status);
        Uni<Void> allowed = Uni.createFrom().voidItem();
        if (agencyId != null) {
            allowed = agencies.require(agencyId).invoke(a -> scope.requireRead(a.ref())).replaceWithVoid();
        } else {
            AgencyLookup.listed("agencyId", scope.rows(), where);
        }
        Sort sort = Sort.by("year", Sort.Direction.Descending).and("title").and("id");
        return allowed.chain(() -> Panache.withSession(() -> Pages.of(QualityObjective.<QualityObjective>find(where.jpql(), sort, where.parameters()), page)))
                .map(found -> found.map(ObjectiveView::of));
    }

    /** Objectives of ended years not yet missed, re-evaluated (idempotent: only a status change publishes). */
    @Scheduled(every = "${govqms.objectives.year-end-check-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkEndedYears() {
        return objectives.endedYearsNotMissed(pool, LocalDate.now(clock).getYear())
                .chain(due -> {
                    if (due.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Log.infof("re-evaluating the quality objectives of %d agency-years that have ended", due.size());
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(d -> pool.withTransaction(tx -> indicators.forAgencies(tx, List.of(d.agencyId()),
                                    d.year()).chain(ind -> objectives.recompute(tx, ind, d.year()))))
                            .collect().last().replaceWithVoid();
                })
                .onFailure().invoke(f -> Log.warnf("year-end objective check failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Evaluates the objective against its KPI now; entering at risk or missed is an event to publish (null otherwise). */
    private OutgoingEvent evaluated(QualityObjective o, Indicators kpis, OffsetDateTime now) {
        boolean yearOver = LocalDate.now(clock).getYear() > o.year;
        return o.evaluate(kpis.get(o.kpi), yearOver, now).map(entered -> Objectives.event(o.id, o.agencyId, o.year, o.title, o.kpi,
                o.comparison, o.target, o.actual, entered, now)).orElse(null);
    }

    /** The objective and its agency, or 404; the caller's scope is checked by the caller of this method. */
    private Uni<Held> require(UUID id) {
        return QualityObjective.<QualityObjective>findById(id).chain(o -> {
            if (o == null) {
                throw ProblemException.notFound("quality objective", id);
            }
            return agencies.refOf(o.agencyId, o.provinceCode).map(ref -> new Held(o, ref));
        });
    }
}
