package vn.govqms.audit.internalaudit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.correctivereport.CorrectiveReportService;
import vn.govqms.audit.internalaudit.AuditDtos.AnswerInput;
import vn.govqms.audit.internalaudit.AuditDtos.AuditSummary;
import vn.govqms.audit.internalaudit.AuditDtos.AuditView;
import vn.govqms.audit.internalaudit.AuditDtos.ChecklistEdit;
import vn.govqms.audit.internalaudit.AuditDtos.Confirmation;
import vn.govqms.audit.internalaudit.AuditDtos.Copy;
import vn.govqms.audit.internalaudit.AuditDtos.NewAudit;
import vn.govqms.audit.internalaudit.AuditDtos.ProcedureRef;
import vn.govqms.audit.internalaudit.AuditDtos.ReportInput;
import vn.govqms.audit.internalaudit.AuditDtos.TeamInput;
import vn.govqms.audit.internalaudit.AuditParts.ChecklistItem;
import vn.govqms.audit.internalaudit.AuditParts.TeamMember;
import vn.govqms.audit.internalaudit.AuditParts.TeamRole;
import vn.govqms.audit.plan.ActivityKind;
import vn.govqms.audit.plan.PlanLinks;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Audits of an agency: planned with a team and a scope, carried out with a checklist, reported, confirmed by the head. */
@ApplicationScoped
public class AuditService {

    /** The audits whose team names this subject (the team is jsonb, indexed for containment). */
    private static final String AUDITS_OF_MEMBER = """
            select id from audit where team @> jsonb_build_array(jsonb_build_object('subject', cast(?1 as text)))""";

    @Inject AgencyLookup agencies;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject PlanLinks plans;
    @Inject Scope scope;
    @Inject CorrectiveReportService correctiveReports;
    @Inject SyncFeed feeds;

    @WithTransaction
    public Uni<AuditView> create(NewAudit in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.known("agencyId", in.agencyId()).chain(agency -> {
            scope.requireWrite(agency.ref());
            AuditPolicy.requirePlanner(in.kind(), caller);
            List<String> clauses = clauses(in.scopeClauses());
            List<String> units = in.auditedUnits() == null ? List.of() : in.auditedUnits().stream().map(String::trim).toList();
            List<UUID> procedures = in.procedureIds() == null ? List.of() : in.procedureIds().stream().distinct().toList();
            Audit a = newAudit(agency, in.kind(), in.mode(), in.title().trim(), in.plannedStart(), in.plannedEnd(), in.team(), units,
                    clauses, AuditParts.defaultChecklist(in.kind(), clauses), null, caller.subject(), now);
            return checkProcedures(agency, procedures)
                    .chain(() -> persistNew(a, agency, procedures, caller, now, "planned"));
        });
    }

    /**
     * Builds (and validates) an audit; also used by inspection campaigns, whose inspection of the campaign lead's own
     * agency is planned without a lead (the lead is left out of it, as every inspector of that agency is).
     */
    public Audit newAudit(DirectoryEntry agency, AuditKind kind, AuditMode mode, String title, LocalDate start, LocalDate end,
                          List<TeamMember> team, List<String> units, List<String> clauses, List<ChecklistItem> checklist,
                          UUID campaignId, String who, OffsetDateTime now) {
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("plannedEnd", "must not be before plannedStart");
        }
        if (kind == AuditKind.INTERNAL_AUDIT && clauses.isEmpty()) {
            throw ProblemException.invalidField("scopeClauses", "an internal audit needs at least one ISO 9001:2015 clause");
        }
        Audit.checkTeam(team, campaignId == null);
        Audit.checkIndependence(kind, agency.id, units, team);
        Audit a = new Audit();
        a.id = UUID.randomUUID();
        a.agencyId = agency.id;
        a.provinceCode = agency.provinceCode;
        a.kind = kind;
        a.mode = mode;
        a.year = start.getYear();
        a.title = title;
        a.status = AuditStatus.PLANNED;
        a.plannedStart = start;
        a.plannedEnd = end;
        a.campaignId = campaignId;
        a.leadAuditor = lead(team);
        a.team = write(team);
        a.auditedUnits = write(units);
        a.scopeClauses = write(clauses);
        a.checklist = write(checklist);
        a.createdBy = who;
        a.createdAt = now;
        return a;
    }

    /** Persists a new audit with its procedures, publishes audit.planned and records it. */
    public Uni<AuditView> persistNew(Audit a, DirectoryEntry agency, List<UUID> procedures, Caller caller, OffsetDateTime now, String action) {
        return a.<Audit>persist().chain(() -> Panache.getSession()).chain(s -> work.record(s, () -> Outcome.of(trailOf(a, agency).did(action, caller.subject(), null,
                                Map.of("kind", a.kind.name(), "mode", a.mode.name(), "status", a.status.name(),
                                        "leadAuditor", a.leadAuditor == null ? "" : a.leadAuditor)), AuditEvents.planned(a, now)))
                        .chain(() -> insertProcedures(s, a.id, procedures)))
                .chain(() -> view(a, agency));
    }

    private static Uni<Void> insertProcedures(Mutiny.Session s, UUID auditId, List<UUID> procedures) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID p : procedures) {
            chain = chain.chain(() -> s.createNativeQuery("insert into audit_procedure (audit_id, document_id, abolished) "
                    + "select ?1, ?2, (d.status = 'ABOLISHED') from known_document d where d.id = ?2")
                    .setParameter(1, auditId).setParameter(2, p).executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> checkProcedures(DirectoryEntry agency, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(id as text), status, cast(agency_id as text) from known_document where id in (?1)", Object[].class)
                .setParameter(1, ids).getResultList()).invoke(rows -> {
            Map<String, Object[]> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.put((String) r[0], r));
            for (UUID id : ids) {
                Object[] r = byId.get(id.toString());
                if (r == null || !agency.id.toString().equals(r[2])) {
                    throw ProblemException.unprocessable("unknown-reference", "Unknown procedure",
                            "No controlled document " + id + " of agency " + agency.name + " is known (procedureIds).",
                            Map.of("field", "procedureIds", "procedureId", id.toString()));
                }
                if ("ABOLISHED".equals(r[1])) {
                    throw ProblemException.unprocessable("procedure-abolished", "Procedure abolished",
                            "Procedure " + id + " has been abolished and cannot be audited.", Map.of("procedureId", id.toString()));
                }
            }
        }).replaceWithVoid();
    }

    public record Filter(UUID agencyId, Integer year, AuditKind kind, AuditStatus status, UUID campaignId, boolean mine) {
    }

    @WithSession
    public Uni<Page<AuditSummary>> list(Filter f, PageRequest page, Caller caller) {
        Where where = new Where().equal("year", f.year()).equal("kind", f.kind()).equal("status", f.status())
                .equal("campaignId", f.campaignId());
        Uni<Void> scoped = f.mine()
                ? Panache.getSession().chain(session -> session.createNativeQuery(AUDITS_OF_MEMBER, UUID.class)
                        .setParameter(1, caller.subject()).getResultList()).invoke(ids -> where.add("id in :mine", Map.of("mine", ids))).replaceWithVoid()
                : agencies.listed("agencyId", f.agencyId(), scope, where);
        return scoped.chain(() -> Pages.of(Audit.<Audit>find(where.jpql(),
                Sort.by("plannedStart").descending().and("id"), where.parameters()), page)).map(p -> p.map(AuditSummary::of));
    }

    @WithSession
    public Uni<AuditView> get(UUID id, Caller caller) {
        return readable(id, caller).chain(this::view);
    }

    @WithTransaction
    public Uni<AuditView> copy(UUID id, Copy in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return managed(id, caller).chain(src -> agencies.of(src.agencyId).chain(agency -> procedureIds(src.id).chain(procs -> {
            List<ChecklistItem> checklist = checklist(src).stream().map(ChecklistItem::reset).toList();
            Audit a = newAudit(agency, src.kind, src.mode, in.title() == null || in.title().isBlank() ? src.title : in.title().trim(),
                    in.plannedStart(), in.plannedEnd(), team(src), units(src), clauses(src), checklist, null, caller.subject(), now);
            a.copiedFrom = src.id;
            return persistNew(a, agency, procs, caller, now, "copied");
        })));
    }

    @WithTransaction
    public Uni<AuditView> editChecklist(UUID id, ChecklistEdit in, String ifMatch, Caller caller) {
        return managed(id, caller).chain(a -> {
            ETags.requireMatch(ifMatch, a.version);
            a.requireStatus("edit", AuditStatus.PLANNED, AuditStatus.IN_PROGRESS);
            List<ChecklistItem> old = checklist(a);
            List<ChecklistItem> items = new ArrayList<>();
            for (var q : in.items()) {
                String clause = q.clause() == null || q.clause().isBlank() ? null : q.clause().trim();
                if (clause != null && !IsoClauses.exists(clause)) {
                    throw ProblemException.invalidField("items[" + items.size() + "].clause", "not a clause of ISO 9001:2015: " + clause);
                }
                ChecklistItem kept = old.stream().filter(o -> o.question().equals(q.question().trim())
                        && Objects.equals(o.clause(), clause)).findFirst().orElse(null);
                items.add(new ChecklistItem(items.size() + 1, clause, q.question().trim(), kept == null ? null : kept.answer(),
                        kept == null ? null : kept.evidence(), kept == null ? 0 : kept.version()));
            }
            a.checklist = write(items);
            a.touch();
            return changed(a, "checklist-edited", caller, Map.of("items", old.size()), Map.of("items", items.size()));
        });
    }

    /**
     * Replaces the team (lead auditor or planner; If-Match), planned or in progress: exactly one lead, every member
     * independent of the audited agency as {@link Audit#checkIndependence} says. This is how the inspection of the
     * campaign lead's own agency gets its lead.
     */
    @WithTransaction
    public Uni<AuditView> setTeam(UUID id, TeamInput in, String ifMatch, Caller caller) {
        return managed(id, caller).chain(a -> {
            ETags.requireMatch(ifMatch, a.version);
            a.requireStatus("edit", AuditStatus.PLANNED, AuditStatus.IN_PROGRESS);
            Audit.checkTeam(in.team(), true);
            Audit.checkIndependence(a.kind, a.agencyId, units(a), in.team());
            Map<String, Object> before = teamOf(a.leadAuditor, team(a));
            a.team = write(in.team());
            a.leadAuditor = lead(in.team());
            a.touch();
            return changed(a, "team-set", caller, before, teamOf(a.leadAuditor, in.team()));
        });
    }

    private static String lead(List<TeamMember> team) {
        return team.stream().filter(m -> m.role() == TeamRole.LEAD).map(TeamMember::subject).findFirst().orElse(null);
    }

    private static Map<String, Object> teamOf(String lead, List<TeamMember> team) {
        return Map.of("leadAuditor", lead == null ? "" : lead, "members", team.stream().map(TeamMember::subject).toList());
    }

    @WithTransaction
    public Uni<AuditView> answer(UUID id, int no, AnswerInput in, Caller caller) {
        return readable(id, caller).chain(a -> {
            requireTeamMember(a, caller);
            a.requireStatus("answer", AuditStatus.IN_PROGRESS);
            List<ChecklistItem> items = new ArrayList<>(checklist(a));
            int index = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).no() == no) {
                    index = i;
                }
            }
            if (index < 0) {
                throw ProblemException.notFound("checklist item of audit " + id, no);
            }
            ChecklistItem before = items.get(index);
            items.set(index, before.answered(in.answer(), in.evidence() == null ? null : in.evidence().trim()));
            a.checklist = write(items);
            a.touch();
            return changed(a, "answered:" + no, caller, before, items.get(index));
        });
    }

    /**
     * An offline batch of answers, in one transaction: the checklist is one document on the audit's row, so the batch
     * writes the row once (one new audit version, a trail entry per answer applied). Each answer applies only while its
     * item is at the version the app read (If-Match per item), so answers to different items never conflict; a stale or
     * unknown item comes back 412 or 404 and the rest apply.
     */
    @WithTransaction
    public Uni<ChecklistBatch.Outcome> answerAll(UUID id, ChecklistBatch.Answers in, Caller caller) {
        return readable(id, caller).chain(a -> {
            requireTeamMember(a, caller);
            a.requireStatus("answer", AuditStatus.IN_PROGRESS);
            List<ChecklistItem> items = new ArrayList<>(checklist(a));
            List<ChecklistBatch.Result> results = new ArrayList<>();
            List<ChecklistItem[]> applied = new ArrayList<>();
            for (ChecklistBatch.Item answer : in.answers()) {
                int index = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).no() == answer.no()) {
                        index = i;
                    }
                }
                if (index < 0) {
                    results.add(ChecklistBatch.Result.missing(answer.no()));
                    continue;
                }
                ChecklistItem current = items.get(index);
                if (!ETags.matches(answer.ifMatch(), current.version())) {
                    results.add(ChecklistBatch.Result.stale(current));
                    continue;
                }
                ChecklistItem next = current.answered(answer.answer(), answer.evidence() == null ? null : answer.evidence().trim());
                items.set(index, next);
                applied.add(new ChecklistItem[] {current, next});
                results.add(ChecklistBatch.Result.applied(next));
            }
            if (applied.isEmpty()) {
                return Uni.createFrom().item(new ChecklistBatch.Outcome(results, a.version));
            }
            a.checklist = write(items);
            a.touch();
            return agencies.of(a.agencyId).chain(agency -> Panache.getSession().chain(s -> work.record(s, () -> Outcome.of(applied.stream()
                    .map(change -> trailOf(a, agency).did("answered:" + change[1].no(), caller.subject(), change[0], change[1])).toList(), List.of()))))
                    .map(x -> new ChecklistBatch.Outcome(results, a.version));
        });
    }

    /**
     * The checklist feed of an auditor's app: the audits whose team names the caller (with their checklists), changed since
     * a token; an audit whose team no longer names the caller, or that was deleted, is a tombstone (trigger on audit).
     */
    public Uni<Changes<AuditView>> changes(SyncParams params) {
        return feeds.ofCaller("audit-checklists",
                "select a.id::text as id, a.updated_at as at from audit a where a.team @> jsonb_build_array(jsonb_build_object('subject', $1::text))",
                params, ids -> viewsOf(ids.stream().map(UUID::fromString).toList()));
    }

    /** The views of these audits, by id (for the checklist feed, which chose them). */
    @WithSession
    public Uni<Map<String, AuditView>> viewsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Audit.<Audit>list("id in ?1", ids).chain(list -> {
            Map<String, AuditView> views = new LinkedHashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Audit a : list) {
                chain = chain.chain(() -> view(a).invoke(v -> views.put(a.id.toString(), v)).replaceWithVoid());
            }
            return chain.map(x -> views);
        });
    }

    @WithTransaction
    public Uni<AuditView> start(UUID id, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return managed(id, caller).chain(a -> {
            String before = a.status.name();
            a.start(now);
            return changed(a, "started", caller, Map.of("status", before), Map.of("status", a.status.name()));
        });
    }

    @WithTransaction
    public Uni<AuditView> report(UUID id, ReportInput in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return readable(id, caller).chain(a -> {
            if (!a.isLead(caller.subject())) {
                throw ProblemException.forbidden("Only the lead auditor (" + a.leadAuditor + ") reports the audit.");
            }
            a.requireStatus("report", AuditStatus.IN_PROGRESS);
            List<Integer> open = checklist(a).stream().filter(i -> i.answer() == null).map(ChecklistItem::no).toList();
            if (!open.isEmpty()) {
                throw ProblemException.unprocessable("checklist-unanswered", "Checklist not answered",
                        open.size() + " checklist items have no answer yet: " + open + ".", Map.of("unanswered", open));
            }
            String before = a.status.name();
            a.report(in.conclusion().trim(), in.minutesDate() == null ? now.toLocalDate() : in.minutesDate(), caller.subject(), now);
            return Panache.getSession().chain(s -> correctiveReports.oweAfter(s, a, now))
                    .chain(() -> changed(a, "reported", caller, Map.of("status", before), Map.of("status", a.status.name(),
                            "conclusion", a.conclusion, "minutesDate", a.minutesDate.toString())));
        });
    }

    /** The head of the audited agency confirms the report, which closes the audit (audit.completed). */
    @WithTransaction
    public Uni<AuditView> confirm(UUID id, Confirmation in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return readable(id, caller).chain(a -> agencies.of(a.agencyId).chain(agency -> {
            AuditPolicy.requireConfirmer(caller, scope.level(), agency.name);
            scope.requireWrite(agency.ref());
            a.confirm(in == null || in.note() == null ? null : in.note().trim(), caller.subject(), now);
            return findingCounts(a.id).chain(counts -> Panache.getSession().chain(s -> work.record(s, () -> Outcome.of(trailOf(a, agency).did("confirmed",
                                    caller.subject(), Map.of("status", AuditStatus.REPORTED.name()), Map.of("status", a.status.name())),
                                    AuditEvents.completed(a, counts, now)))
                            .chain(() -> a.kind != AuditKind.INTERNAL_AUDIT ? Uni.createFrom().voidItem()
                                    : plans.complete(s, a.agencyId, a.year, ActivityKind.INTERNAL_AUDIT, now.toLocalDate(),
                                    "Đánh giá nội bộ \"" + a.title + "\" (audits/" + a.id + "), báo cáo được người đứng đầu xác nhận ngày "
                                            + now.toLocalDate(), caller.subject(), now)))
                    .chain(() -> view(a, agency)));
        }));
    }

    // ---- access

    /** Audits are read by those who may read the audited agency and by the members of its team. */
    public Uni<Audit> readable(UUID id, Caller caller) {
        return Audit.<Audit>findById(id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("audit", id);
            }
            if (inTeam(a, caller.subject())) {
                return Uni.createFrom().item(a);
            }
            return agencies.of(a.agencyId).map(agency -> {
                scope.requireRead(agency.ref());
                return a;
            });
        });
    }

    /** The lead auditor, or whoever may plan an audit of that kind and change the agency's records. */
    private Uni<Audit> managed(UUID id, Caller caller) {
        return readable(id, caller).chain(a -> agencies.of(a.agencyId).map(agency -> {
            AuditPolicy.requireManager(a, caller);
            if (!a.isLead(caller.subject())) {
                scope.requireWrite(agency.ref());
            }
            return a;
        }));
    }

    /** Auditors act on an audit only as members of its team; outside internal audits, never from the audited agency. */
    public void requireTeamMember(Audit a, Caller caller) {
        if (!inTeam(a, caller.subject())) {
            throw ProblemException.forbidden("Only members of the audit team may do this.");
        }
        if (a.kind != AuditKind.INTERNAL_AUDIT && scope.level() == Scope.Level.AGENCY && a.agencyId.equals(scope.ownAgency())) {
            throw ProblemException.forbidden("An auditor of the audited agency may not act in a " + a.kind.name() + ".");
        }
    }

    public boolean inTeam(Audit a, String subject) {
        return team(a).stream().anyMatch(m -> m.subject().equals(subject));
    }

    // ---- views and JSON

    private Uni<AuditView> changed(Audit a, String action, Caller caller, Object before, Object after) {
        return agencies.of(a.agencyId).chain(agency -> work.record(() -> Outcome.of(trailOf(a, agency).did(action, caller.subject(), before, after)))
                .chain(() -> view(a, agency)));
    }

    private static TrailEntry.On trailOf(Audit a, DirectoryEntry agency) {
        return TrailEntry.on("audit", a.id, agency.ref());
    }

    public Uni<AuditView> view(Audit a) {
        return agencies.of(a.agencyId).chain(agency -> view(a, agency));
    }

    private Uni<AuditView> view(Audit a, DirectoryEntry agency) {
        return procedures(a.id).chain(procs -> findingCounts(a.id).map(counts -> new AuditView(a.id, a.agencyId, agency.name,
                a.provinceCode, a.kind, a.kind.label(), a.mode, a.mode.label(), a.year, a.title, a.status, a.status.label(),
                a.status.allowed(), a.plannedStart, a.plannedEnd, a.campaignId, a.leadAuditor, team(a), units(a), clauses(a), procs,
                procs.stream().anyMatch(ProcedureRef::abolished), checklist(a), a.conclusion, a.startedAt, a.reportedBy,
                a.reportedAt, a.minutesDate, a.confirmedBy, a.confirmedAt, a.confirmationNote, a.copiedFrom, counts, a.createdBy, a.version)));
    }

    private static Uni<List<ProcedureRef>> procedures(UUID auditId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select cast(p.document_id as text), d.code, d.title, p.abolished from audit_procedure p
                        join known_document d on d.id = p.document_id where p.audit_id = ?1 order by d.code""", Object[].class)
                .setParameter(1, auditId).getResultList()).map(rows -> rows.stream().map(r -> new ProcedureRef(
                UUID.fromString((String) r[0]), (String) r[1], (String) r[2], (Boolean) r[3])).toList());
    }

    private static Uni<List<UUID>> procedureIds(UUID auditId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(document_id as text) from audit_procedure where audit_id = ?1 and not abolished", String.class)
                .setParameter(1, auditId).getResultList()).map(rows -> rows.stream().map(UUID::fromString).toList());
    }

    /** Findings of an audit by kind. */
    public static Uni<Map<String, Long>> findingCounts(UUID auditId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select kind, count(*) from finding where audit_id = ?1 group by kind order by kind", Object[].class)
                .setParameter(1, auditId).getResultList()).map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
            return counts;
        });
    }

    private static List<String> clauses(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String c : in) {
                String clause = c.trim();
                if (!IsoClauses.exists(clause)) {
                    throw ProblemException.invalidField("scopeClauses", "not a clause of ISO 9001:2015 (4.1 … 10.3): " + clause);
                }
                if (!out.contains(clause)) {
                    out.add(clause);
                }
            }
        }
        return out;
    }

    public List<TeamMember> team(Audit a) {
        return read(a.team, new TypeReference<>() { });
    }

    List<String> units(Audit a) {
        return read(a.auditedUnits, new TypeReference<>() { });
    }

    List<String> clauses(Audit a) {
        return read(a.scopeClauses, new TypeReference<>() { });
    }

    List<ChecklistItem> checklist(Audit a) {
        return read(a.checklist, new TypeReference<>() { });
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit JSON unreadable: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
