package vn.govqms.scoring.assessment;

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
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentSummary;
import vn.govqms.scoring.assessment.AssessmentDtos.AssessmentView;
import vn.govqms.scoring.assessment.AssessmentDtos.NewAssessment;
import vn.govqms.scoring.criteria.CriteriaSet;
import vn.govqms.scoring.criteria.CriteriaSetRepository;
import vn.govqms.scoring.criteria.CriteriaSetStatus;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.live.LiveScores;
import vn.govqms.scoring.support.Agencies;
import vn.govqms.scoring.team.AssessmentTeam;
import vn.govqms.scoring.team.AssessmentTeamRepository;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.outbox.Outbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * assessed agency; a team's auditor also reads the official assessments it may change.
 */
@ApplicationScoped
public class AssessmentService {

    private final Pool pool;
    private final AssessmentRepository assessments;
    private final AssessmentTeamRepository teams;
    private final CriteriaSetRepository sets;
    private final IndicatorRepository indicators;
    private final LiveScores liveScores;
    private final Agencies agencies;
    private final AuditTrail trail;
    private final Outbox outbox;
    private final Caller caller;
    private final Scope scope;
    private final Clock clock;

    public AssessmentService(Pool pool, AssessmentRepository assessments, AssessmentTeamRepository teams, CriteriaSetRepository sets,
                             IndicatorRepository indicators, LiveScores liveScores, Agencies agencies, AuditTrail trail, Outbox outbox,
                             Caller caller, Scope scope, Clock clock) {
        this.pool = pool;
        this.assessments = assessments;
        this.teams = teams;
        this.sets = sets;
        this.indicators = indicators;
        this.liveScores = liveScores;
        this.agencies = agencies;
        this.trail = trail;
        this.outbox = outbox;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    public record Versioned(AssessmentView view, long version) {
        static Versioned of(Assessment a) {
            return new Versioned(AssessmentView.of(a), a.lockVersion);
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
        requireAuthorRole(in.kind());
        return agencies.requireReferenced("agencyId", in.agencyId())
                .call(agency -> requireAuthor(pool, in.kind(), agency.ref(), agency.provinceCode(), in.year()))
                .chain(agency -> pool.withTransaction(tx -> criteriaSet(tx, in.criteriaSetId(), agency.provinceCode(), in.year()).chain(set -> {
                    Assessment a = Assessment.start(agency.id(), agency.provinceCode(), in.year(), in.kind(), set.id, set.definition,
                            caller.subject(), OffsetDateTime.now(clock));
                    return assessments.insert(tx, a)
                            .chain(() -> trail.record(tx, "assessment", a.id, agency.ref(), "started", caller.subject(), null,
                                    Map.of("kind", a.kind.name(), "year", a.year, "criteriaSetId", set.id.toString())))
                            .map(v -> Versioned.of(a));
                })));
    }

    public Uni<Versioned> get(UUID id) {
        return require(pool, id).call(this::requireReader).map(h -> Versioned.of(h.assessment()));
    }

    public Uni<Versioned> score(UUID id, AssessmentDtos.Scores in, String ifMatch) {
        return change(id, "scored", Step.AUTHOR, a -> {
            ETags.requireMatch(ifMatch, a.lockVersion);
            return set(a).map(set -> {
                a.score(in.items().stream().map(s -> new Assessment.Given(s.criterionCode(), s.points(), s.evidenceLinks(), s.comment())).toList(),
                        in.comment(), set.definition, OffsetDateTime.now(clock));
                return a;
            });
        }, (tx, a) -> Uni.createFrom().voidItem());
    }

    public Uni<Versioned> submit(UUID id) {
        return change(id, "submitted", Step.AUTHOR, a -> set(a).chain(set -> indicators.forAgency(pool, a.agencyId, a.year).map(ind -> {
            a.submit(set.definition, ind, caller.subject(), OffsetDateTime.now(clock));
            return a;
        })), (tx, a) -> outbox.publish(tx, AssessmentEvents.submitted(a, a.submittedAt)));
    }

    public Uni<Versioned> sendBack(UUID id, String reason) {
        return change(id, "returned: " + reason, Step.FINALISER, a -> {
            a.sendBack(OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, (tx, a) -> Uni.createFrom().voidItem());
    }

    public Uni<Versioned> finalise(UUID id) {
        return change(id, "finalised", Step.FINALISER, a -> {
            a.finalise(caller.subject(), OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, (tx, a) -> outbox.publish(tx, AssessmentEvents.published(a, a.finalisedAt))
                .chain(() -> liveScores.recomputeAfterEvent(tx, a.agencyId, a.year, AssessmentEvents.PUBLISHED)));
    }

    /** A correction: the finalised assessment is a draft again; the reason is kept in the audit trail. */
    public Uni<Versioned> reopen(UUID id, String reason) {
        return change(id, "reopened: " + reason, Step.FINALISER, a -> {
            a.reopen(OffsetDateTime.now(clock));
            return Uni.createFrom().item(a);
        }, (tx, a) -> liveScores.recomputeAfterEvent(tx, a.agencyId, a.year, "assessment.reopened"));
    }

    private Uni<Versioned> change(UUID id, String action, Step step, Function<Assessment, Uni<Assessment>> rule,
                                  BiFunction<SqlConnection, Assessment, Uni<Void>> after) {
        return pool.withTransaction(tx -> require(tx, id).call(h -> requireChanger(tx, step, h)).chain(held -> {
            Assessment a = held.assessment();
            Map<String, Object> before = audit(a);
            return rule.apply(a).chain(changed -> assessments.update(tx, changed)
                    .chain(() -> {
                        String verb = action.contains(":") ? action.substring(0, action.indexOf(':')) : action;
                        Map<String, Object> afterView = new LinkedHashMap<>(audit(changed));
                        if (action.contains(":")) {
                            afterView.put("reason", action.substring(action.indexOf(':') + 2));
                        }
                        return trail.record(tx, "assessment", changed.id, held.agency(), verb, caller.subject(), before, afterView);
                    })
                    .chain(() -> after.apply(tx, changed))
                    .map(v -> Versioned.of(changed)));
        }));
    }

    /** The assessments of one agency the caller reads, or of every agency it may list ({@code Scope.rows()}). */
    public Uni<Page<AssessmentSummary>> list(Filter f, PageRequest page) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        Uni<Void> allowed;
        if (f.agencyId() != null) {
            allowed = agencies.require(f.agencyId()).invoke(a -> scope.requireRead(a.ref())).replaceWithVoid();
            params.add(f.agencyId());
            where.add("a.agency_id = $" + params.size());
        } else {
            where.add(scope.rows().sqlAppending("d", params));
            allowed = Uni.createFrom().voidItem();
        }
        if (f.year() != null) {
            params.add(f.year());
            where.add("a.year = $" + params.size());
        }
        if (f.kind() != null) {
            params.add(f.kind().name());
            where.add("a.kind = $" + params.size());
        }
        if (f.status() != null) {
            params.add(f.status().name());
            where.add("a.status = $" + params.size());
        }
        params.add(page.size());
        params.add(page.offset());
        String sql = "select a.id, a.agency_id, d.name, a.year, a.kind, a.status, a.criteria_set_id, a.total_points, a.band, a.band_label, "
                + "a.updated_at, count(*) over () as total from assessment a left join agency_directory d on d.id = a.agency_id where "
                + String.join(" and ", where) + " order by a.year desc, a.updated_at desc, a.id limit $" + (params.size() - 1)
                + " offset $" + params.size();
        return allowed.chain(() -> pool.preparedQuery(sql).execute(Tuple.from(params))).map(rows -> {
            List<AssessmentSummary> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                AssessmentStatus status = AssessmentStatus.valueOf(r.getString("status"));
                items.add(new AssessmentSummary(r.getUUID("id"), r.getUUID("agency_id"), r.getString("name"), r.getInteger("year"),
                        AssessmentKind.valueOf(r.getString("kind")), status, status.label(), r.getUUID("criteria_set_id"),
                        r.getBigDecimal("total_points"), r.getString("band"), r.getString("band_label"), r.getOffsetDateTime("updated_at")));
            }
            return Page.of(items, page, total);
        });
    }

    /** The latest self and official assessments of an agency for a year, per criterion. */
    public Uni<AssessmentDtos.Comparison> compare(UUID agencyId, int year) {
        return agencies.require(agencyId).invoke(a -> scope.requireRead(a.ref())).chain(agency -> pool.preparedQuery("""
                        select distinct on (kind) * from assessment where agency_id = $1 and year = $2
                        order by kind, (status = 'FINALISED') desc, updated_at desc""").execute(Tuple.of(agencyId, year)))
                .map(rows -> {
                    Assessment self = null;
                    Assessment official = null;
                    for (Row r : rows) {
                        Assessment a = assessments.toAssessment(r);
                        if (a.kind == AssessmentKind.SELF) {
                            self = a;
                        } else {
                            official = a;
                        }
                    }
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

    private Uni<CriteriaSet> criteriaSet(SqlClient db, UUID id, String province, int year) {
        if (id == null) {
            return sets.activeFor(db, province, year).map(s -> {
                if (s == null) {
                    throw ProblemException.unprocessable("no-criteria-set", "No criteria set in force",
                            "No criteria set is active for province " + province + " in " + year + ".", Map.of("field", "criteriaSetId"));
                }
                return s;
            });
        }
        return sets.find(db, id).map(s -> {
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
        return sets.find(pool, a.criteriaSetId);
    }

    /** The assessment and its agency, or 404; the caller's scope is checked by the caller of this method. */
    private Uni<Held> require(SqlClient db, UUID id) {
        return assessments.find(db, id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("assessment", id);
            }
            return agencies.refOf(db, a.agencyId, a.provinceCode).map(ref -> new Held(a, ref));
        });
    }

    /** Whether the caller may author or change {@code held} at this step (403 otherwise). */
    private Uni<Void> requireChanger(SqlClient db, Step step, Held held) {
        Assessment a = held.assessment();
        if (step == Step.FINALISER) {
            requireFinaliser(a.kind);
            scope.requireWrite(held.agency());
            return Uni.createFrom().voidItem();
        }
        requireAuthorRole(a.kind);
        return requireAuthor(db, a.kind, held.agency(), a.provinceCode, a.year);
    }

    /**
     * Whether the caller authors an assessment of this kind of {@code agency} for {@code year}: a self-assessment on
     * the agency's own records ({@code Scope.requireWrite}), an official one as {@link OfficialAssessors} says (the
     * assessment team of {@code province} read only for an auditor).
     */
    private Uni<Void> requireAuthor(SqlClient db, AssessmentKind kind, AgencyRef agency, String province, int year) {
        if (kind == AssessmentKind.SELF) {
            scope.requireWrite(agency);
            return Uni.createFrom().voidItem();
        }
        boolean auditor = caller.hasRole(Roles.AUDITOR);
        return team(db, auditor, province, year)
                .invoke(team -> OfficialAssessors.requireAuthor(scope, auditor, caller.subject(), agency, team)).replaceWithVoid();
    }

    /** Who reads the agency reads its assessments; an auditor on the assessment team also reads the official ones it may change. */
    private Uni<Void> requireReader(Held held) {
        Assessment a = held.assessment();
        boolean auditor = caller.hasRole(Roles.AUDITOR);
        if (scope.mayRead(held.agency()) || a.kind != AssessmentKind.OFFICIAL || !auditor) {
            scope.requireRead(held.agency());
            return Uni.createFrom().voidItem();
        }
        return team(pool, true, a.provinceCode, a.year).invoke(team -> {
            if (!OfficialAssessors.mayAuthor(scope, true, caller.subject(), held.agency(), team)) {
                scope.requireRead(held.agency());
            }
        }).replaceWithVoid();
    }

    /** The province's assessment team for the year, read only when an auditor's authority depends on it. */
    private Uni<AssessmentTeam> team(SqlClient db, boolean auditor, String province, int year) {
        return auditor ? teams.find(db, province, year) : Uni.createFrom().item(AssessmentTeam.empty(province, year));
    }

    /** Who makes an assessment of this kind (on which agency: {@link #requireAuthor}). */
    private void requireAuthorRole(AssessmentKind kind) {
        boolean ok = kind == AssessmentKind.SELF
                ? scope.level() == Scope.Level.AGENCY && (caller.hasRole(Roles.AGENCY_HEAD) || caller.hasRole(Roles.ISO_OFFICER))
                : caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.AUDITOR);
        if (!ok) {
            throw ProblemException.forbidden(kind == AssessmentKind.SELF
                    ? "A self-assessment is made by the agency's own head or ISO officer."
                    : OfficialAssessors.WHO);
        }
    }

    private void requireFinaliser(AssessmentKind kind) {
        boolean ok = kind == AssessmentKind.SELF ? scope.level() == Scope.Level.AGENCY && caller.hasRole(Roles.AGENCY_HEAD)
                : caller.hasRole(Roles.PROVINCE_ADMIN) || caller.hasRole(Roles.MINISTRY_ADMIN);
        if (!ok) {
            throw ProblemException.forbidden(kind == AssessmentKind.SELF
                    ? "The agency's head returns, finalises and reopens its self-assessment."
                    : "The steering committee over the agency (province-admin or ministry-admin) returns, finalises and reopens an official assessment.");
        }
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
