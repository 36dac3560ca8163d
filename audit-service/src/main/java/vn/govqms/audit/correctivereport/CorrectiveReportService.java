package vn.govqms.audit.correctivereport;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.Return;
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.Submission;
import vn.govqms.audit.correctivereport.CorrectiveReportDtos.View;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.audit.internalaudit.AuditKind;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditService;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Corrective-action reports: owed when an on-site provincial inspection is reported (its minutes dated), submitted by the
 * agency, accepted or returned by the inspecting team.
 */
@ApplicationScoped
public class CorrectiveReportService {

    @Inject AgencyLookup agencies;
    @Inject AuditService audits;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject AuditConfig config;
    @Inject Scope scope;

    /**
     * In the transaction that reports {@code inspection}: an on-site provincial inspection that recorded something to
     * remedy (a nonconformity or an observation; opportunities for improvement are the agency's choice) leaves its agency
     * owing a corrective-action report, due the configured period after the minutes' date. Other audits owe none.
     */
    public Uni<Void> oweAfter(Mutiny.Session s, Audit inspection, OffsetDateTime now) {
        if (inspection.kind != AuditKind.PROVINCIAL_INSPECTION || inspection.mode != AuditMode.ON_SITE) {
            return Uni.createFrom().voidItem();
        }
        return s.createNativeQuery("select count(*) from finding where audit_id = ?1 and kind <> 'OPPORTUNITY_FOR_IMPROVEMENT'",
                        Long.class).setParameter(1, inspection.id).getSingleResult()
                .chain(n -> n == 0 ? Uni.createFrom().voidItem() : owe(s, inspection, now));
    }

    private Uni<Void> owe(Mutiny.Session s, Audit inspection, OffsetDateTime now) {
        CorrectiveReport r = CorrectiveReport.owedAfter(inspection, config.inspection().correctiveReportWithin(), now);
        return s.persist(r).chain(() -> agencies.of(r.agencyId))
                .chain(agency -> work.record(s, () -> Outcome.of(TrailEntry.on("corrective-report", r.id, agency.ref()).did("owed", "audits/" + inspection.id, null,
                        Map.of("auditId", inspection.id.toString(), "minutesDate", r.minutesDate.toString(), "dueDate", r.dueDate.toString())),
                        CorrectiveReportEvents.owed(r, now))));
    }

    @WithTransaction
    public Uni<View> submit(UUID id, Submission in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return load(id, caller).chain(c -> {
            CorrectiveReportPolicy.requireSubmitter(caller);
            scope.requireWrite(c.agency.ref());
            String before = c.report.status.name();
            c.report.submit(blankToNull(in.documentNumber()), in.content().trim(), caller.subject(), now);
            return changed(c, "submitted", caller, before, CorrectiveReportEvents.submitted(c.report, now));
        });
    }

    @WithTransaction
    public Uni<View> accept(UUID id, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return decided(id, caller).chain(c -> {
            String before = c.report.status.name();
            c.report.accept(caller.subject(), now);
            return changed(c, "accepted", caller, before, CorrectiveReportEvents.accepted(c.report, now));
        });
    }

    @WithTransaction
    public Uni<View> giveBack(UUID id, Return in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return decided(id, caller).chain(c -> {
            String before = c.report.status.name();
            c.report.giveBack(in.reason().trim(), caller.subject(), now);
            return changed(c, "returned", caller, before, CorrectiveReportEvents.returned(c.report, now));
        });
    }

    public record Filter(UUID agencyId, UUID auditId, Integer year, CorrectiveReportStatus status, Boolean overdue) {
    }

    @WithSession
    public Uni<Page<View>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("auditId", f.auditId()).equal("year", f.year()).equal("status", f.status())
                .holds(f.overdue(), "status in :owed and dueDate < :today", Map.of("owed",
                        List.of(CorrectiveReportStatus.OWED, CorrectiveReportStatus.RETURNED), "today", LocalDate.now(clock)));
        return agencies.listed("agencyId", f.agencyId(), scope, where)
                .chain(() -> Pages.of(CorrectiveReport.<CorrectiveReport>find(where.jpql(), Sort.by("dueDate").and("id"),
                        where.parameters()), page))
                .chain(p -> {
                    // the page's agencies in one query, not one lookup per report
                    List<UUID> ids = p.items().stream().map(r -> r.agencyId).distinct().toList();
                    Uni<List<DirectoryEntry>> found = ids.isEmpty() ? Uni.createFrom().item(List.of()) : DirectoryEntry.list("id in ?1", ids);
                    return found.map(list -> {
                        Map<UUID, DirectoryEntry> byId = list.stream().collect(Collectors.toMap(a -> a.id, a -> a));
                        return new Page<>(p.items().stream().map(r -> view(r, byId.get(r.agencyId))).toList(), p.page(), p.size(), p.total());
                    });
                });
    }

    @WithSession
    public Uni<View> get(UUID id, Caller caller) {
        return load(id, caller).map(c -> view(c.report, c.agency));
    }

    record Context(CorrectiveReport report, Audit audit, DirectoryEntry agency) {
    }

    /** Read by those who may read the agency's records and by the inspection's team. */
    private Uni<Context> load(UUID id, Caller caller) {
        return CorrectiveReport.<CorrectiveReport>findById(id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("corrective-action report", id);
            }
            return agencies.of(r.agencyId).chain(agency -> (scope.mayRead(agency.ref()) ? Audit.<Audit>findById(r.auditId)
                    : audits.readable(r.auditId, caller)).map(audit -> new Context(r, audit, agency)));
        });
    }

    /** Accepted or returned by the inspecting team (never an auditor of the inspected agency) or the organising committee. */
    private Uni<Context> decided(UUID id, Caller caller) {
        return load(id, caller).invoke(c -> {
            if (CorrectiveReportPolicy.decidesAsTeam(caller, audits.inTeam(c.audit, caller.subject()))) {
                audits.requireTeamMember(c.audit, caller);
            } else {
                scope.requireWrite(c.agency.ref());
            }
        });
    }

    private Uni<View> changed(Context c, String action, Caller caller, String before, OutgoingEvent event) {
        return work.record(() -> Outcome.of(TrailEntry.on("corrective-report", c.report.id, c.agency.ref()).did(action, caller.subject(),
                        Map.of("status", before), c.report.returnReason == null ? Map.of("status", c.report.status.name())
                                : Map.of("status", c.report.status.name(), "reason", c.report.returnReason)), event))
                .map(x -> view(c.report, c.agency));
    }

    private View view(CorrectiveReport r, DirectoryEntry agency) {
        LocalDate today = LocalDate.now(clock);
        boolean overdue = r.overdue(today);
        return new View(r.id, r.auditId, r.agencyId, agency.name, r.provinceCode, r.year, r.minutesDate, r.dueDate, r.status,
                r.status.label(), r.status.allowed(), overdue, overdue ? (int) ChronoUnit.DAYS.between(r.dueDate, today) : null,
                r.documentNumber, r.content, r.submissions, r.submittedBy, r.submittedAt, r.decidedBy, r.decidedAt, r.returnReason,
                r.version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
