package vn.govqms.scoring.assessment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
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
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentSummary;
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentView;
import vn.govqms.scoring.assessment.AssessmentDtos.NewAssessment;
import vn.govqms.scoring.criteria.CriteriaSet;
import vn.govqms.scoring.criteria.CriteriaSetStatus;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.live.DeferredRecomputation;
import vn.govqms.scoring.live.ScoreRecomputation;
import vn.govqms.scoring.support.AgencyLookup;
import vn.govqms.scoring.team.AssessmentTeam;
import vn.govqms.scoring.team.AssessmentTeams;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Self-assessments (the agency's head or ISO officer; the head finalises) and official assessments (the steering
 * committee over the agency: province-admin or ministry-admin, which finalises, or an auditor of another agency on the
 * province's assessment team: {@link OfficialAssessors}), through draft → submitted → finalised. Whose assessments a
 * caller reads or changes is the kit's {@link Scope}: reads {@code requireRead}, changes {@code requireWrite} on the
 * assessed agency; a team's auditor also reads the official assessments it may change. Each command changes the
 * {@link Assessment} entity in one transaction ({@code @Version}: a concurrent change is 412); a finalisation or a
 * reopening marks the agency's live score in that transaction and recomputes it once it commits.
 */
@ApplicationScoped
public class AssessmentService {

    /** The cause a live score moved by a reopening names (a finalisation names its event type). */
    private static final String REOPENED = "assessment.reopened";

    @Inject Pool pool;
    @Inject AssessmentTeams teams;
    @Inject IndicatorRepository indicators;
    @Inject ScoreRecomputation liveScores;
    @Inject DeferredRecomputation pending;
    @Inject AgencyLookup agencies;
    @Inject UnitOfWork work;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject Clock clock;

    public record Versioned(AssessmentView view, long version) {
        static Versioned of(Assessment a) {
            return new Versioned(AssessmentView.of(a), a.version);
        }
    }

    public record Filter(UUID agencyId, Integer year, AssessmentKind kind, AssessmentStatus status) {
    }

    /** An assessment with its agency as the scope sees it. */
    private record Held(Assessment assessment, AgencyRef agency) {
    }

    /** Who a change is for: the author (scores, submits) or the one who returns, finalises and reopens. */
    private enum Step {
        AUTHOR, FINALISER
    }

    public Uni<Versioned> start(NewAssessment in) {
        AssessmentPolicy.requireAuthorRole(in.kind(), caller, scope.level());
        return agencies.requireReferenced("agencyId", in.agencyId())
                .call(agency -> requireAuthor(in.kind(), agency.ref(), agency.provinceCode(), in.year()))
                .chain(agency -> Panache.withTransaction(() -> criteriaSet(in.criteriaSetId(), agency.provinceCode(), in.year())
                        .call(set -> requireFirst(agency.id(), in.year(), in.kind(), set.id))
                        .chain(set -> {
                            Assessment a = Assessment.start(agency.id(), agency.provinceCode(), in.year(), in.kind(), set.id, set.definition,
                                    caller.subject(), OffsetDateTime.now(clock));
                            return a.persist().chain(() -> work.record(() -> Outcome.of(TrailEntry.on("assessment", a.id, agency.ref()).did("started", caller.subject(), null,
                                            Map.of("kind", a.kind.name(), "year", a.year, "criteriaSetId", set.id.toString())))))
                                    .map(v -> Versioned.of(a));
                        })));
    }

    /** One assessment per agency, year, kind and criteria set (409 for a second). */
    private Uni<Void> requireFirst(UUID agency, int year, AssessmentKind kind, UUID set) {
        return Assessment.count("agencyId = ?1 and year = ?2 and kind = ?3 and criteriaSetId = ?4", agency, year, kind, set).invoke(n -> {
            if (n > 0) {
                throw ProblemException.conflict("Agency " + agency + " already has a " + kind.name().toLowerCase() + " assessment for "
                        + year + " under criteria set " + set + ".");
            }
        }).replaceWithVoid();
    }

    public Uni<Versioned> get(UUID id) {
        return Panache.withSession(() -> require(id).call(this::requireReader)).map(h -> Versioned.of(h.assessment()));
    }

    public Uni<Versioned> score(UUID id, AssessmentDtos.Scores in, String ifMatch) {
        return change(id, "scored", Step.AUTHOR, a -> {
            ETags.requireMatch(ifMatch, a.version);
            return set(a).map(set -> {
                a.score(in.items().stream().map(s -> new Assessment.Given(s.criterionCode(), s.points(), s.evidenceLinks(), s.comment())).toList(),
                        in.comment(), set.definition, OffsetDateTime.now(clock));
                return a;
            });
        }, a -> null, (session, a) -> Uni.createFrom().voidItem());
    }

    public Uni<Versioned> submit(UUID id) {
        return change(id, "submitted", Step.AUTHOR, a -> set(a).chain(set -> indicators.forAgency(pool, a.agencyId, a.year).map(ind -> {
            a.submit(set.definition, ind, caller.subject(), OffsetDateTime.now(clock));
            return a;
        })), a -> AssessmentEvents.submitted(a, a.submittedAt), (session, a) -> Uni.createFrom().voidItem());
    }

    public Uni<Versioned> sendBack(UUID id, String reason) {
        return change(id, "returned: " + reason, Step.FINALISER, a -> {
            a.sendBack(OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, a -> null, (session, a) -> Uni.createFrom().voidItem());
    }

    public Uni<Versioned> finalise(UUID id) {
        return change(id, "finalised", Step.FINALISER, a -> {
            a.finalise(caller.subject(), OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, a -> AssessmentEvents.published(a, a.finalisedAt), (session, a) -> markLiveScore(session, a, AssessmentEvents.PUBLISHED))
                .call(v -> recomputeLiveScore(v, AssessmentEvents.PUBLISHED));
    }

    /** A correction: the finalised assessment is a draft again; the reason is kept in the audit trail. */
    public Uni<Versioned> reopen(UUID id, String reason) {
        return change(id, "reopened: " + reason, Step.FINALISER, a -> {
            a.reopen(OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, a -> null, (session, a) -> markLiveScore(session, a, REOPENED)).call(v -> recomputeLiveScore(v, REOPENED));
    }

    private Uni<Versioned> change(UUID id, String action, Step step, Function<Assessment, Uni<Assessment>> rule,
                                  Function<Assessment, OutgoingEvent> event, BiFunction<Mutiny.Session, Assessment, Uni<Void>> after) {
        return Panache.withTransaction(() -> require(id).call(h -> requireChanger(step, h)).chain(held -> {
            Assessment a = held.assessment();
            Map<String, Object> before = audit(a);
            return rule.apply(a).chain(changed -> Panache.getSession().chain(session -> {
                        String verb = action.contains(":") ? action.substring(0, action.indexOf(':')) : action;
                        Map<String, Object> afterView = new LinkedHashMap<>(audit(changed));
                        if (action.contains(":")) {
                            afterView.put("reason", action.substring(action.indexOf(':') + 2));
                        }
                        return work.record(session, () -> Outcome.of(TrailEntry.on("assessment", changed.id, held.agency()).did(verb, caller.subject(), before,
                                afterView), event.apply(changed))).chain(() -> after.apply(session, changed));
                    })
                    .map(v -> Versioned.of(changed)));
        }));
    }

    /** The agency's live score (this year's and the assessment's) is recomputed: marked with the change, so a crash loses nothing. */
    private Uni<Void> markLiveScore(Mutiny.Session session, Assessment a, String cause) {
        int now = liveScores.currentYear();
        return pending.mark(session, null, a.agencyId, a.year == now ? List.of(now) : List.of(now, a.year), cause);
    }

    /** Once the change committed, the live score follows at once; a failure here is left to the pending round. */
    private Uni<Void> recomputeLiveScore(Versioned v, String cause) {
        return pool.withTransaction(tx -> liveScores.recomputeAfterEvent(tx, v.view().agencyId(), v.view().year(), cause))
                .onFailure().invoke(f -> Log.warnf("live score of agency %s left to the pending round: %s", v.view().agencyId(), f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The assessments of one agency the caller reads, or of every agency it may list ({@code Scope.rows()}). */
    public Uni<Page<AssessmentSummary>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("agencyId", f.agencyId()).equal("year", f.year()).equal("kind", f.kind()).equal("status", f.status());
        Uni<Void> allowed = Uni.createFrom().voidItem();
        if (f.agencyId() != null) {
            allowed = agencies.require(f.agencyId()).invoke(a -> scope.requireRead(a.ref())).replaceWithVoid();
        } else {
            AgencyLookup.listed("agencyId", scope.rows(), where);
        }
        Sort sort = Sort.descending("year", "updatedAt").and("id");
        return allowed.chain(() -> Panache.withSession(() -> Pages.of(Assessment.<Assessment>find(where.jpql(), sort, where.parameters()), page)))
                .chain(found -> agencies.findAll(found.items().stream().map(a -> a.agencyId).distinct().toList())
                        .map(known -> found.map(a -> {
                            AgencyLookup.Agency agency = known.get(a.agencyId);
                            return new AssessmentSummary(a.id, a.agencyId, agency == null ? null : agency.name(), a.year, a.kind, a.status,
                                    a.status.label(), a.criteriaSetId, a.totalPoints, a.band, a.bandLabel, a.updatedAt);
                        })));
    }

    /** The latest self and official assessments of an agency for a year (a finalised one first), per criterion. */
    public Uni<AssessmentDtos.Comparison> compare(UUID agencyId, int year) {
        Comparator<Assessment> latest = Comparator.<Assessment, Boolean>comparing(a -> a.status == AssessmentStatus.FINALISED)
                .thenComparing(a -> a.updatedAt);
        return agencies.require(agencyId).invoke(a -> scope.requireRead(a.ref()))
                .chain(agency -> Panache.withSession(() -> Assessment.<Assessment>list("agencyId = ?1 and year = ?2", agencyId, year)))
                .map(all -> {
                    Assessment self = all.stream().filter(a -> a.kind == AssessmentKind.SELF).max(latest).orElse(null);
                    Assessment official = all.stream().filter(a -> a.kind == AssessmentKind.OFFICIAL).max(latest).orElse(null);
                    Map<String, AssessmentDtos.Row> byCode = new LinkedHashMap<>();
                    Map<String, Item> selfItems = items(self);
                    Map<String, Item> officialItems = items(official);
                    List<String> codes = new ArrayList<>(selfItems.keySet());
                    officialItems.keySet().stream().filter(c -> !selfItems.containsKey(c)).forEach(codes::add);
                    for (String code : codes) {
                        Item s = selfItems.get(code);
                        Item o = officialItems.get(code);
                        BigDecimal sp = s == null ? null : s.points();
                        BigDecimal op = o == null ? null : o.points();
                        byCode.put(code, new AssessmentDtos.Row(code, (s != null ? s : o).maxPoints(), sp, op,
                                sp == null || op == null ? null : op.subtract(sp)));
                    }
                    BigDecimal st = self == null ? null : self.totalPoints;
                    BigDecimal ot = official == null ? null : official.totalPoints;
                    return new AssessmentDtos.Comparison(agencyId, year, self == null ? null : self.id, official == null ? null : official.id,
                            st, ot, st == null || ot == null ? null : ot.subtract(st), new ArrayList<>(byCode.values()));
                });
    }

    private static Map<String, Item> items(Assessment a) {
        Map<String, Item> out = new LinkedHashMap<>();
        if (a != null) {
            a.items.forEach(i -> out.put(i.criterionCode(), i));
        }
        return out;
    }

    private Uni<CriteriaSet> criteriaSet(UUID id, String province, int year) {
        if (id == null) {
            return CriteriaSet.<CriteriaSet>find("status = ?1 and appliesFromYear <= ?2 and (provinceCode = ?3 or provinceCode is null) "
                            + "order by provinceCode nulls last, appliesFromYear desc, versionNo desc", CriteriaSetStatus.ACTIVE, year, province)
                    .firstResult().map(s -> {
                        if (s == null) {
                            throw ProblemException.unprocessable("no-criteria-set", "No criteria set in force",
                                    "No criteria set is active for province " + province + " in " + year + ".", Map.of("field", "criteriaSetId"));
                        }
                        return s;
                    });
        }
        return CriteriaSet.<CriteriaSet>findById(id).map(s -> {
            if (s == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference", "No criteria set with id " + id + ".",
                        Map.of("field", "criteriaSetId"));
            }
            if (s.status == CriteriaSetStatus.DRAFT || (s.provinceCode != null && !s.provinceCode.equals(province))) {
                throw ProblemException.unprocessable("criteria-set-not-applicable", "Criteria set not applicable",
                        "Criteria set " + id + " is " + (s.status == CriteriaSetStatus.DRAFT ? "a draft" : "of province " + s.provinceCode)
                                + "; assess with an active (or retired) set of province " + province + " or a national one.",
                        Map.of("field", "criteriaSetId"));
            }
            return s;
        });
    }

    private Uni<CriteriaSet> set(Assessment a) {
        return CriteriaSet.findById(a.criteriaSetId);
    }

    /** The assessment and its agency, or 404; the caller's scope is checked by the caller of this method. */
    private Uni<Held> require(UUID id) {
        return Assessment.<Assessment>findById(id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("assessment", id);
            }
            return agencies.refOf(a.agencyId, a.provinceCode).map(ref -> new Held(a, ref));
        });
    }

    /** Whether the caller may author or change {@code held} at this step (403 otherwise). */
    private Uni<Void> requireChanger(Step step, Held held) {
        Assessment a = held.assessment();
        if (step == Step.FINALISER) {
            AssessmentPolicy.requireFinaliser(a.kind, caller, scope.level());
            scope.requireWrite(held.agency());
            return Uni.createFrom().voidItem();
        }
        AssessmentPolicy.requireAuthorRole(a.kind, caller, scope.level());
        return requireAuthor(a.kind, held.agency(), a.provinceCode, a.year);
    }

    /**
     * Whether the caller authors an assessment of this kind of {@code agency} for {@code year}: a self-assessment on
     * the agency's own records ({@code Scope.requireWrite}), an official one as {@link OfficialAssessors} says (the
     * assessment team of {@code province} read only for an auditor).
     */
    private Uni<Void> requireAuthor(AssessmentKind kind, AgencyRef agency, String province, int year) {
        if (kind == AssessmentKind.SELF) {
            scope.requireWrite(agency);
            return Uni.createFrom().voidItem();
        }
        boolean auditor = AssessmentPolicy.assessesAsTeamAuditor(caller);
        return team(auditor, province, year)
                .invoke(team -> OfficialAssessors.requireAuthor(scope, auditor, caller.subject(), agency, team)).replaceWithVoid();
    }

    /** Who reads the agency reads its assessments; an auditor on the assessment team also reads the official ones it may change. */
    private Uni<Void> requireReader(Held held) {
        Assessment a = held.assessment();
        boolean auditor = AssessmentPolicy.assessesAsTeamAuditor(caller);
        if (scope.mayRead(held.agency()) || a.kind != AssessmentKind.OFFICIAL || !auditor) {
            scope.requireRead(held.agency());
            return Uni.createFrom().voidItem();
        }
        return team(true, a.provinceCode, a.year).invoke(team -> {
            if (!OfficialAssessors.mayAuthor(scope, true, caller.subject(), held.agency(), team)) {
                scope.requireRead(held.agency());
            }
        }).replaceWithVoid();
    }

    /** The province's assessment team for the year, read only when an auditor's authority depends on it. */
    private Uni<AssessmentTeam> team(boolean auditor, String province, int year) {
        return auditor ? teams.find(province, year) : Uni.createFrom().item(AssessmentTeam.empty(province, year));
    }

    private static Map<String, Object> audit(Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status.name());
        m.put("totalPoints", a.totalPoints == null ? null : a.totalPoints.toPlainString());
        m.put("band", a.band);
        Map<String, Object> points = new LinkedHashMap<>();
        a.items.forEach(i -> points.put(i.criterionCode(), i.points() == null ? null : i.points().toPlainString()));
        m.put("points", points);
        return m;
    }
}
