package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.finding.FindingDtos.Closure;
import vn.govqms.audit.finding.FindingDtos.FindingView;
import vn.govqms.audit.finding.FindingDtos.NewFinding;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.audit.internalaudit.AuditService;
import vn.govqms.audit.internalaudit.AuditStatus;
import vn.govqms.audit.internalaudit.IsoClauses;
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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Findings raised by the audit team; a nonconformity closes when its corrective actions are verified effective. */
@ApplicationScoped
public class FindingService {

    @Inject AgencyLookup agencies;
    @Inject AuditService audits;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject Scope scope;

    @WithTransaction
    public Uni<FindingView> raise(UUID auditId, NewFinding in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return audits.readable(auditId, caller).chain(audit -> {
            audits.requireTeamMember(audit, caller);
            audit.requireStatus("raise-finding", AuditStatus.IN_PROGRESS);
            String clause = in.clause().trim();
            if (!IsoClauses.exists(clause)) {
                throw ProblemException.invalidField("clause", "not a clause of ISO 9001:2015 (4.1 … 10.3): " + clause);
            }
            Finding f = Finding.raise(audit, clause, in.kind(), in.description().trim(),
                    in.evidence() == null || in.evidence().isBlank() ? null : in.evidence().trim(), in.procedureId(), caller.subject(), now);
            return checkProcedure(audit, in.procedureId()).chain(() -> f.<Finding>persist())
                    .chain(() -> agencies.of(f.agencyId))
                    .chain(agency -> work.record(() -> Outcome.of(TrailEntry.on("finding", f.id, agency.ref()).did("raised", caller.subject(), null,
                                    Map.of("auditId", f.auditId, "clause", f.clause, "kind", f.kind.name())), FindingEvents.raised(f, now))))
                    .map(x -> view(f));
        });
    }

    private static Uni<Void> checkProcedure(Audit audit, UUID procedureId) {
        if (procedureId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from known_document where id = ?1 and agency_id = ?2", Long.class)
                .setParameter(1, procedureId).setParameter(2, audit.agencyId).getSingleResult()).invoke(n -> {
            if (n == 0) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown procedure",
                        "No controlled document " + procedureId + " of the audited agency is known (procedureId).",
                        Map.of("field", "procedureId"));
            }
        }).replaceWithVoid();
    }

    public record Filter(UUID agencyId, UUID auditId, FindingKind kind, FindingStatus status) {
    }

    @WithSession
    public Uni<Page<FindingView>> list(Filter f, PageRequest page, Caller caller) {
        Where where = new Where().equal("auditId", f.auditId()).equal("kind", f.kind()).equal("status", f.status());
        // the audit's readers (its team included) see its findings
        Uni<Void> scoped = f.auditId() != null ? audits.readable(f.auditId(), caller).replaceWithVoid()
                : agencies.listed("agencyId", f.agencyId(), scope, where);
        return scoped.chain(() -> Pages.of(Finding.<Finding>find(where.jpql(),
                Sort.by("raisedOn").descending().and("id"), where.parameters()), page)).map(p -> p.map(FindingService::view));
    }

    @WithSession
    public Uni<FindingView> get(UUID id, Caller caller) {
        return readable(id, caller).map(FindingService::view);
    }

    /** Observations and opportunities for improvement are closed by the agency once acted on. */
    @WithTransaction
    public Uni<FindingView> close(UUID id, Closure in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return readable(id, caller).chain(f -> agencies.of(f.agencyId).chain(agency -> {
            FindingPolicy.requireCloser(caller);
            scope.requireWrite(agency.ref());
            f.close(now.toLocalDate());
            return work.record(() -> Outcome.of(TrailEntry.on("finding", f.id, agency.ref()).did("closed", caller.subject(),
                                    Map.of("status", FindingStatus.OPEN.name()), Map.of("status", f.status.name(),
                                            "note", in == null || in.note() == null ? "" : in.note())), FindingEvents.closed(f, now)))
                    .map(x -> view(f));
        }));
    }

    /**
     * A finding is read by those who may read its agency (after a merger, the successor's people read the open
     * findings it took over, whose audit stays with the predecessor) and by the team of its audit.
     */
    public Uni<Finding> readable(UUID id, Caller caller) {
        return Finding.<Finding>findById(id).chain(f -> {
            if (f == null) {
                throw ProblemException.notFound("finding", id);
            }
            return agencies.of(f.agencyId).chain(agency -> scope.mayRead(agency.ref()) ? Uni.createFrom().item(f)
                    : audits.readable(f.auditId, caller).map(a -> f));
        });
    }

    static FindingView view(Finding f) {
        return new FindingView(f.id, f.auditId, f.agencyId, f.auditKind, f.clause, IsoClauses.title(f.clause), f.kind, f.kind.label(),
                f.description, f.evidence, f.procedureId, f.status, f.status.label(), f.raisedBy, f.raisedOn, f.closedOn, f.version);
    }
}
