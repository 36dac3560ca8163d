package vn.govqms.audit.finding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.finding.FindingDtos.ActionView;
import vn.govqms.audit.finding.FindingDtos.ExtensionInput;
import vn.govqms.audit.finding.FindingDtos.ExtensionView;
import vn.govqms.audit.finding.FindingDtos.Implementation;
import vn.govqms.audit.finding.FindingDtos.NewAction;
import vn.govqms.audit.finding.FindingDtos.Verification;
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
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncParams;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Corrective actions for nonconformities: opened by the agency, worked by the owner, verified by an auditor who is not the owner. */
@ApplicationScoped
public class ActionService {

    @Inject AgencyLookup agencies;
    @Inject AuditService audits;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject AuditConfig config;
    @Inject Scope scope;
    @Inject SyncFeed feeds;

    @WithTransaction
    public Uni<ActionView> open(NewAction in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Finding.<Finding>findById(in.findingId()).chain(f -> {
            if (f == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown finding", "No finding with id " + in.findingId() + ".",
                        Map.of("field", "findingId"));
            }
            return agencies.known("findingId", f.agencyId).invoke(agency -> scope.requireWrite(agency.ref()))
                    .chain(agency -> Audit.<Audit>findById(f.auditId).chain(audit -> {
                f.requireOpenForActions();
                LocalDate due = in.dueDate();
                if (due == null) {
                    if (audit.kind == AuditKind.PROVINCIAL_INSPECTION && audit.mode == AuditMode.ON_SITE) {
                        // the inspection's minutes, once dated, start the period; before that the finding's day
                        due = (audit.minutesDate != null ? audit.minutesDate : f.raisedOn).plus(config.inspection().correctiveReportWithin());
                    } else {
                        throw ProblemException.invalidField("dueDate", "is required (it defaults only after an on-site inspection)");
                    }
                }
                CorrectiveAction a = CorrectiveAction.open(f, in.title().trim(),
                        in.containment() == null || in.containment().isBlank() ? null : in.containment().trim(), in.rootCause().trim(),
                        in.action().trim(), in.owner().trim(), due, caller.subject(), now);
                return a.<CorrectiveAction>persist().chain(() -> work.record(() -> Outcome.of(TrailEntry.on("corrective-action", a.id, agency.ref()).did("opened",
                                caller.subject(), null, Map.of("findingId", f.id, "owner", a.owner, "dueDate", a.dueDate.toString(),
                                        "status", a.status.name())),
                                FindingEvents.opened(a, f, now))))
                        .chain(() -> view(a, f));
            }));
        });
    }

    @WithTransaction
    public Uni<ActionView> start(UUID id, Caller caller) {
        return worked(id, caller).chain(c -> {
            String before = c.action.status.name();
            c.action.start();
            return changed(c, "started", caller, before, null);
        });
    }

    @WithTransaction
    public Uni<ActionView> implement(UUID id, Implementation in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return worked(id, caller).chain(c -> {
            String before = c.action.status.name();
            c.action.implement(in.note().trim(), now);
            return changed(c, "implemented", caller, before, null);
        });
    }

    @WithTransaction
    public Uni<ActionView> verify(UUID id, Verification in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return load(id, caller).chain(c -> {
            ActionPolicy.requireVerifier(caller);
            if (!audits.inTeam(c.audit, caller.subject())) {
                scope.requireWrite(c.agency.ref());
            }
            String before = c.action.status.name();
            c.action.verify(in.effective(), in.note().trim(), caller.subject(), now.toLocalDate());
            return work.record(() -> Outcome.events(FindingEvents.verified(c.action, now)))
                    .chain(() -> in.effective() ? closeFindingIfDone(c, caller, now) : Uni.createFrom().voidItem())
                    .chain(() -> changed(c, in.effective() ? "verified-effective" : "verified-not-effective", caller, before, null));
        });
    }

    @WithTransaction
    public Uni<ActionView> close(UUID id, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return load(id, caller).chain(c -> {
            if (!ActionPolicy.closesAsTeam(caller, audits.inTeam(c.audit, caller.subject()))) {
                scope.requireWrite(c.agency.ref());
            }
            String before = c.action.status.name();
            c.action.close(now.toLocalDate());
            return changed(c, "closed", caller, before, null, () -> FindingEvents.actionClosed(c.action, now));
        });
    }

    @WithTransaction
    public Uni<ActionView> extend(UUID id, ExtensionInput in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return load(id, caller).chain(c -> {
            ActionPolicy.requireExtender(caller);
            scope.requireWrite(c.agency.ref());
            LocalDate previous = c.action.dueDate;
            c.action.extend(in.newDueDate());
            return Panache.getSession().chain(s -> s.createNativeQuery("""
                                    insert into corrective_action_extension (action_id, previous_due_date, new_due_date, reason, extended_by, extended_at)
                                    values (?1, ?2, ?3, ?4, ?5, ?6)""")
                            .setParameter(1, c.action.id).setParameter(2, previous).setParameter(3, in.newDueDate())
                            .setParameter(4, in.reason().trim()).setParameter(5, caller.subject()).setParameter(6, now).executeUpdate())
                    .chain(() -> changed(c, "extended", caller, Map.of("dueDate", previous.toString()),
                            Map.of("dueDate", in.newDueDate().toString(), "reason", in.reason().trim())));
        });
    }

    public record Filter(UUID agencyId, UUID findingId, ActionStatus status, Boolean overdue) {
    }

    @WithSession
    public Uni<Page<ActionView>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("findingId", f.findingId()).equal("status", f.status())
                .holds(f.overdue(), "status in :active and dueDate < :today", Map.of("active",
                        List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS), "today", LocalDate.now(clock)));
        return agencies.listed("agencyId", f.agencyId(), scope, where)
                .chain(() -> Pages.of(CorrectiveAction.<CorrectiveAction>find(where.jpql(), Sort.by("dueDate").and("id"),
                        where.parameters()), page))
                .chain(p -> {
                    List<UUID> ids = p.items().stream().map(a -> a.findingId).distinct().toList();
                    Uni<List<Finding>> found = ids.isEmpty() ? Uni.createFrom().item(List.of()) : Finding.list("id in ?1", ids);
                    return found.chain(findings -> {
                        Map<UUID, Finding> byId = new HashMap<>();
                        findings.forEach(fd -> byId.put(fd.id, fd));
                        List<ActionView> views = new ArrayList<>();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (CorrectiveAction a : p.items()) {
                            chain = chain.chain(() -> view(a, byId.get(a.findingId)).invoke(views::add).replaceWithVoid());
                        }
                        return chain.map(x -> new Page<>(views, p.page(), p.size(), p.total()));
                    });
                });
    }

    /**
     * The corrective-action feed of an officer's app: actions of the agencies the caller reads, changed since a token; an
     * action moved to an agency out of reach (a merger or split applied from document-service's events) is a tombstone.
     */
    public Uni<Changes<ActionView>> changes(SyncParams params) {
        return feeds.ofAgencies("corrective-actions", "corrective_action", "agency_directory", params,
                ids -> viewsOf(ids.stream().map(UUID::fromString).toList()));
    }

    /** The views of these actions, by id (for the sync feed, which checked the scope). */
    @WithSession
    public Uni<Map<String, ActionView>> viewsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CorrectiveAction.<CorrectiveAction>list("id in ?1", ids).chain(actions -> {
            Map<String, ActionView> views = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CorrectiveAction a : actions) {
                chain = chain.chain(() -> Finding.<Finding>findById(a.findingId).chain(f -> view(a, f))
                        .invoke(v -> views.put(a.id.toString(), v)).replaceWithVoid());
            }
            return chain.map(x -> views);
        });
    }

    @WithSession
    public Uni<ActionView> get(UUID id, Caller caller) {
        return load(id, caller).chain(c -> view(c.action, c.finding));
    }

    /** An action with what access decisions need. */
    record Context(CorrectiveAction action, Finding finding, Audit audit, DirectoryEntry agency) {
    }

    /**
     * Read by those who may read the action's agency (after a merger, the successor's people read the actions it took
     * over, whose audit stays with the predecessor) and by the team of the finding's audit.
     */
    private Uni<Context> load(UUID id, Caller caller) {
        return CorrectiveAction.<CorrectiveAction>findById(id).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("corrective action", id);
            }
            return Finding.<Finding>findById(a.findingId).chain(f -> agencies.of(a.agencyId).chain(agency ->
                    (scope.mayRead(agency.ref()) ? Audit.<Audit>findById(f.auditId) : audits.readable(f.auditId, caller))
                            .map(audit -> new Context(a, f, audit, agency))));
        });
    }

    /** Worked on by its owner, or by the agency's ISO officer or head, while the agency's records may be changed. */
    private Uni<Context> worked(UUID id, Caller caller) {
        return load(id, caller).invoke(c -> {
            ActionPolicy.requireWorker(c.action, caller);
            scope.requireWrite(c.agency.ref());
        });
    }

    private Uni<Void> closeFindingIfDone(Context c, Caller caller, OffsetDateTime now) {
        return CorrectiveAction.count("findingId = ?1 and status not in ?2", c.finding.id,
                List.of(ActionStatus.VERIFIED_EFFECTIVE, ActionStatus.CLOSED)).chain(remaining -> {
            if (remaining > 0 || !c.finding.closeWhenActionsDone(now.toLocalDate())) {
                return Uni.createFrom().voidItem();
            }
            return work.record(() -> Outcome.of(TrailEntry.on("finding", c.finding.id, c.agency.ref()).did("closed", caller.subject(),
                    Map.of("status", FindingStatus.OPEN.name()), Map.of("status", FindingStatus.CLOSED.name())), FindingEvents.closed(c.finding, now)));
        });
    }

    private Uni<ActionView> changed(Context c, String action, Caller caller, Object before, Object after) {
        return changed(c, action, caller, before, after, () -> null);
    }

    private Uni<ActionView> changed(Context c, String action, Caller caller, Object before, Object after, Supplier<OutgoingEvent> event) {
        Object from = before instanceof String s ? Map.of("status", s) : before;
        Object to = after == null ? Map.of("status", c.action.status.name()) : after;
        return work.record(() -> Outcome.of(TrailEntry.on("corrective-action", c.action.id, c.agency.ref()).did(action, caller.subject(), from, to),
                        event.get()))
                .chain(() -> view(c.action, c.finding));
    }

    private Uni<ActionView> view(CorrectiveAction a, Finding f) {
        LocalDate today = LocalDate.now(clock);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select previous_due_date, new_due_date, reason, extended_by, extended_at
                        from corrective_action_extension where action_id = ?1 order by id""", Object[].class)
                .setParameter(1, a.id).getResultList()).map(rows -> {
            List<ExtensionView> ext = rows.stream().map(r -> new ExtensionView(date(r[0]), date(r[1]), (String) r[2], (String) r[3],
                    offset(r[4]))).toList();
            boolean overdue = a.overdue(today);
            return new ActionView(a.id, a.findingId, a.agencyId, f.kind, a.title, a.containment, a.rootCause, a.actionPlan, a.owner,
                    a.dueDate, a.status, a.status.label(), a.status.allowedKeys(), overdue,
                    overdue ? (int) ChronoUnit.DAYS.between(a.dueDate, today) : null, a.implementationNote, a.implementedAt,
                    a.verifiedBy, a.verifiedOn, a.verificationNote, a.effective, a.closedOn, ext, a.createdBy, a.version);
        });
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime offset(Object o) {
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) o;
    }
}
