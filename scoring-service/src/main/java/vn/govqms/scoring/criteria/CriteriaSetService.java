package vn.govqms.scoring.criteria;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetChange;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetInput;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetSummary;
import vn.govqms.scoring.criteria.CriteriaDtos.CriteriaSetView;
import vn.govqms.scoring.live.DeferredRecomputation;
import vn.govqms.scoring.live.ScoreRecomputation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Criteria sets, a register owned by who issues it: a national template (no province) is drafted, changed,
 * activated and retired by {@code national-admin} only, a province's set by that province's steering committee
 * only ({@code Scope.requireRegisterWriter}); every role reads them all. Each command changes the {@link CriteriaSet}
 * entity in one transaction ({@code @Version}: a concurrent change is 412).
 */
@ApplicationScoped
public class CriteriaSetService {

    /** The other active sets of the activated one's province and starting year: it replaces them. */
    private static final String RETIRE_OTHERS = """
            update criteria_set set status = 'RETIRED', retired_at = ?3, updated_at = ?3, lock_version = lock_version + 1
            where status = 'ACTIVE' and id <> ?1 and province_code is not distinct from cast(?2 as text) and applies_from_year = ?4
            returning id""";

    /** The highest version number in the lineage of a set (its ancestors and every descendant of them). */
    private static final String MAX_VERSION = """
            with recursive lineage as (
                select id, previous_id from criteria_set where id = ?1
                union select c.id, c.previous_id from criteria_set c join lineage l on c.id = l.previous_id
            ), descendants as (
                select id from lineage
                union select c.id from criteria_set c join descendants d on c.previous_id = d.id
            )
            select coalesce(max(version_no), 0) from criteria_set where id in (select id from descendants)""";

    @Inject Pool pool;
    @Inject UnitOfWork work;
    @Inject ScoreRecomputation liveScores;
    @Inject DeferredRecomputation pending;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    public record Filter(String provinceCode, CriteriaSetStatus status, Integer year) {
    }

    public record Versioned(CriteriaSetView view, long version) {
        static Versioned of(CriteriaSet s) {
            return new Versioned(CriteriaSetView.of(s), s.version);
        }
    }

    public Uni<Versioned> create(CriteriaSetInput in) {
        scope.requireRegisterWriter(in.provinceCode());
        Definition definition = in.definition();
        definition.check();
        CriteriaSet set = CriteriaSet.draft(in.provinceCode(), in.name().trim(), in.appliesFromYear(), definition, caller.subject(),
                OffsetDateTime.now(clock));
        return Panache.withTransaction(() -> set.<CriteriaSet>persist().chain(() -> saved(set, "created", null, audit(set))));
    }

    @WithSession
    public Uni<Page<CriteriaSetSummary>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("provinceCode", f.provinceCode()).equal("status", f.status());
        if (f.year() != null) {
            where.add("appliesFromYear <= :year", Map.of("year", f.year()));
        }
        Sort sort = Sort.by("provinceCode", Sort.NullPrecedence.NULLS_FIRST)
                .and("appliesFromYear", Sort.Direction.Descending).and("versionNo", Sort.Direction.Descending).and("id");
        return Pages.of(CriteriaSet.<CriteriaSet>find(where.jpql(), sort, where.parameters()), page).map(p -> p.map(CriteriaSetSummary::of));
    }

    @WithSession
    public Uni<CriteriaSet> load(UUID id) {
        return require(id);
    }

    @WithSession
    public Uni<Versioned> get(UUID id) {
        return require(id).map(Versioned::of);
    }

    public Uni<Versioned> update(UUID id, CriteriaSetChange in, String ifMatch) {
        Definition definition = in.definition();
        definition.check();
        return Panache.withTransaction(() -> require(id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            ETags.requireMatch(ifMatch, set.version);
            Map<String, Object> before = audit(set);
            set.edit(in.name().trim(), in.appliesFromYear(), definition, OffsetDateTime.now(clock));
            return saved(set, "edited", before, audit(set));
        }));
    }

    /**
     * Activates a draft whose points make 100; it replaces the active set of its province and year, and live scores
     * follow it: marked in the same transaction, recomputed once it commits (the pending mark makes up for a crash).
     */
    public Uni<Versioned> activate(UUID id) {
        return Panache.withTransaction(() -> require(id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            Map<String, Object> before = audit(set);
            OffsetDateTime now = OffsetDateTime.now(clock);
            set.activate(now);
            return Panache.getSession().chain(session -> session.createNativeQuery(RETIRE_OTHERS, UUID.class).setParameter(1, set.id)
                            .setParameter(2, set.provinceCode).setParameter(3, now).setParameter(4, set.appliesFromYear).getResultList()
                            .chain(retired -> pending.mark(session, set.provinceCode, null, List.of(liveScores.currentYear()),
                                    "criteria-set.activated").replaceWith(retired)))
                    .chain(retired -> saved(set, "activated", before, Map.of("status", set.status.name(), "replaced", retired.toString())));
        })).call(v -> pool.withTransaction(tx -> liveScores.recomputeProvince(tx, v.view().provinceCode(), "criteria-set.activated"))
                .onFailure().invoke(f -> Log.warnf("live scores after activating criteria set %s left to the pending round: %s", id,
                        f.getMessage()))
                .onFailure().recoverWithNull());
    }

    public Uni<Versioned> retire(UUID id) {
        return Panache.withTransaction(() -> require(id).chain(set -> {
            scope.requireRegisterWriter(set.provinceCode);
            Map<String, Object> before = audit(set);
            set.retire(OffsetDateTime.now(clock));
            return saved(set, "retired", before, audit(set));
        }));
    }

    /** A new draft version copied from {@code id} (any status): the way to change an active set. */
    public Uni<Versioned> newVersion(UUID id) {
        return Panache.withTransaction(() -> require(id).chain(source -> {
            scope.requireRegisterWriter(source.provinceCode);
            return Panache.getSession().chain(session -> session.createNativeQuery(MAX_VERSION, Integer.class).setParameter(1, source.id)
                    .getSingleResult()).chain(max -> {
                        CriteriaSet next = source.nextVersion(max + 1, caller.subject(), OffsetDateTime.now(clock));
                        return next.<CriteriaSet>persist().chain(() -> saved(next, "versioned", null,
                                Map.of("from", source.id.toString(), "version", next.versionNo)));
                    });
        }));
    }

    /** The set, or 404. */
    public Uni<CriteriaSet> require(UUID id) {
        return CriteriaSet.<CriteriaSet>findById(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("criteria set", id);
            }
            return s;
        });
    }

    /** Flushes the change (the new {@code @Version} is the ETag) and records it in the audit trail. */
    private Uni<Versioned> saved(CriteriaSet set, String action, Map<String, Object> before, Map<String, Object> after) {
        return work.record(() -> Outcome.of(TrailEntry.on("criteria-set", set.id, province(set)).did(action, caller.subject(), before, after)))
                .map(v -> Versioned.of(set));
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
