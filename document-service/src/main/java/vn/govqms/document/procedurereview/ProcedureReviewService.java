package vn.govqms.document.procedurereview;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.controlled.ControlledDocument;
import vn.govqms.document.controlled.DocumentRepository;
import vn.govqms.document.controlled.DocumentVersion;
import vn.govqms.document.controlled.VersionRepository;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.Resolution;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ReviewView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncParams;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Review tasks as the agencies see and resolve them. */
@ApplicationScoped
public class ProcedureReviewService {

    @Inject AgencyRepository agencies;
    @Inject DocumentRepository documents;
    @Inject VersionRepository versions;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    @Inject Scope scope;
    @Inject SyncFeed feeds;

    /** Filters of the list; {@code agencyId} null: every agency in the caller's scope. */
    public record Filter(UUID agencyId, ReviewStatus status, UUID documentId, UUID causeId) {
    }

    @WithSession
    public Uni<Page<ReviewView>> list(Filter f, PageRequest page, Caller caller) {
        Where where = new Where().equal("status", f.status()).equal("documentId", f.documentId()).equal("causeId", f.causeId());
        Uni<Void> checked = agencies.listed(f.agencyId(), scope, where);
        var found = ReviewTask.<ReviewTask>find(where.jpql(), Sort.by("dueDate").and("id"), where.parameters());
        return checked.chain(() -> found.page(page.page(), page.size()).list())
                .chain(items -> found.count().chain(total -> views(items).map(v -> Page.of(v, page, total))));
    }

    /**
     * The review-task feed of an officer's app: tasks of the agencies the caller reads, changed since a token (a new task, a
     * resolution, an overdue mark); a task moved out of reach with its document comes back as a tombstone.
     */
    public Uni<Changes<ReviewView>> changes(SyncParams params) {
        return feeds.ofAgencies("review-tasks", "review_task", "agency", params, ids -> viewsOf(ids.stream().map(UUID::fromString).toList()));
    }

    /** The views of these tasks, by id (for a sync feed, which checked the scope). */
    @WithSession
    public Uni<Map<String, ReviewView>> viewsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ReviewTask.<ReviewTask>list("id in ?1", ids).chain(this::views)
                .map(views -> views.stream().collect(Collectors.toMap(v -> v.id().toString(), Function.identity())));
    }

    @WithSession
    public Uni<ReviewView> get(UUID id, Caller caller) {
        return require(id, false).chain(t -> views(List.of(t))).map(v -> v.get(0));
    }

    /**
     * Resolves a task: REVISED needs a revision issued after the one reviewed; PROCEDURE_ABOLISHED
     * needs the procedure abolished; NO_CHANGE needs a note saying why.
     */
    @WithTransaction
    public Uni<ReviewView> resolve(UUID id, Resolution in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return require(id, true).chain(task -> documents.findById(task.documentId).chain(doc ->
                versions.findById(task.versionId).chain(reviewed -> resolvedVersion(task, doc, reviewed, in)).chain(resolved -> {
                    String before = task.status.name();
                    task.resolve(in.outcome(), blank(in.note()) ? null : in.note().trim(), resolved, caller.subject(), now);
                    return agencies.findById(task.agencyId).chain(agency -> work.record(() -> Outcome.of(TrailEntry.on("review-task", task.id, agency.ref())
                                    .did("resolved", caller.subject(), Map.of("status", before), Map.of("status", task.status.name(),
                                            "outcome", task.outcome.name())), ProcedureReviewEvents.completed(task, now))))
                            .chain(() -> views(List.of(task))).map(v -> v.get(0));
                })));
    }

    private Uni<UUID> resolvedVersion(ReviewTask task, ControlledDocument doc, DocumentVersion reviewed, Resolution in) {
        return switch (in.outcome()) {
            case NO_CHANGE -> {
                if (blank(in.note())) {
                    throw ProblemException.invalidField("note", "say why the procedure needs no change");
                }
                yield Uni.createFrom().nullItem();
            }
            case PROCEDURE_ABOLISHED -> {
                if (doc.currentRevision != null) {
                    throw ProblemException.unprocessable("procedure-not-abolished", "Procedure still in force",
                            "Document " + doc.code + " has revision " + doc.currentRevision + " in force; abolish it first.", Map.of());
                }
                yield Uni.createFrom().nullItem();
            }
            case REVISED -> {
                int revision = in.revision() != null ? in.revision() : doc.currentRevision == null ? -1 : doc.currentRevision;
                // a revision still in flight when the change reached it is revised by issuing it (amended as needed)
                boolean inFlight = reviewed.issuedAt == null || reviewed.issuedAt.isAfter(task.createdAt);
                int lowest = inFlight ? reviewed.revision : reviewed.revision + 1;
                yield versions.byRevision(doc.id, revision).map(v -> {
                    if (v == null || v.issuedAt == null || v.revision < lowest) {
                        throw ProblemException.unprocessable("not-revised", "No revised version",
                                "Document " + doc.code + " has no revision issued " + (inFlight ? "since revision " : "after revision ")
                                        + reviewed.revision + " was reviewed; issue the revised procedure first.",
                                Map.of("reviewedRevision", reviewed.revision));
                    }
                    return v.id;
                });
            }
        };
    }

    private Uni<ReviewTask> require(UUID id, boolean write) {
        return ReviewTask.<ReviewTask>findById(id).chain(t -> {
            if (t == null) {
                throw ProblemException.notFound("review task", id);
            }
            return agencies.findById(t.agencyId).map(a -> {
                if (write) {
                    scope.requireWrite(a.ref());
                } else {
                    scope.requireRead(a.ref());
                }
                return t;
            });
        });
    }

    private Uni<List<ReviewView>> views(List<ReviewTask> tasks) {
        List<UUID> ids = tasks.stream().map(t -> t.documentId).distinct().toList();
        List<UUID> versionIds = tasks.stream().map(t -> t.versionId).distinct().toList();
        Uni<List<ControlledDocument>> docs = ids.isEmpty() ? Uni.createFrom().item(List.of()) : documents.list("id in ?1", ids);
        Uni<List<DocumentVersion>> reviewed = versionIds.isEmpty() ? Uni.createFrom().item(List.of())
                : versions.list("id in ?1", versionIds);
        return docs.chain(list -> reviewed.map(revs -> {
            Map<UUID, ControlledDocument> byId = list.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
            Map<UUID, Integer> revisions = revs.stream().collect(Collectors.toMap(v -> v.id, v -> v.revision));
            return tasks.stream().map(t -> {
                ControlledDocument d = byId.get(t.documentId);
                return new ReviewView(t.id, t.agencyId, t.documentId, d.code, d.title, revisions.get(t.versionId), t.causeType,
                        t.causeId, t.viaProcedureId, t.causeKind, t.causeSummary, t.effectiveDate, t.dueDate, t.status,
                        t.status.label(), t.outcome, t.resolutionNote, t.resolvedVersionId, t.resolvedBy, t.resolvedAt,
                        t.overdueAt, t.createdAt);
            }).toList();
        }));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
