package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.controlled.DocumentVersion;
import vn.govqms.document.controlled.VersionLegalBasis;
import vn.govqms.document.legal.LegalBases;
import vn.govqms.document.legal.LegalBases.Lapsed;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What issuing a revision of a procedure means for its reviews. It may not be issued resting on a legal document that
 * is no longer in force when it is issued or takes effect (repealed, replaced, expired): 422 naming each and what ended
 * it. Issued, it answers the open reviews of changes to legal documents it cited and no longer cites: they complete as
 * REVISED by that revision.
 */
@ApplicationScoped
public class RevisionIssue {

    @Inject LegalBases legalBases;
    @Inject UnitOfWork work;

    /** Refuses (422 {@code legal-basis-not-in-force}) a revision citing a document not in force on {@code issuedOn} or {@code effective}. */
    public Uni<Void> requireLegalBasesInForce(DocumentVersion v, LocalDate issuedOn, LocalDate effective) {
        // once repealed, replaced or expired, a document stays so: the later day decides for both
        LocalDate on = effective.isAfter(issuedOn) ? effective : issuedOn;
        return VersionLegalBasis.<VersionLegalBasis>list("ownerId", v.id)
                .chain(bases -> legalBases.lapsed(bases.stream().map(b -> b.legalDocumentId).toList(), on))
                .invoke(lapsed -> {
                    if (!lapsed.isEmpty()) {
                        throw ProblemException.unprocessable("legal-basis-not-in-force", "Legal basis no longer in force",
                                "content.legalBasisIds: revision " + v.revision + " cites "
                                        + lapsed.stream().map(Lapsed::describe).collect(Collectors.joining("; "))
                                        + " on " + on + "; cite the documents in force and issue again.",
                                Map.of("field", "content.legalBasisIds", "on", on, "legalBases", lapsed));
                    }
                }).replaceWithVoid();
    }

    /** Completes the open reviews the newly issued {@code v} answers; the session holds it issued. */
    public Uni<Void> resolveAnswered(Mutiny.Session session, DocumentVersion v, AgencyRef agency, String who, OffsetDateTime now) {
        return ReviewTask.<ReviewTask>list("""
                        documentId = ?1 and status <> ?2 and causeType = ?3 and viaProcedureId is null
                        and causeId not in (select b.legalDocumentId from VersionLegalBasis b where b.ownerId = ?4)""",
                v.documentId, ReviewStatus.COMPLETED, ReviewTaskQueries.LEGAL_DOCUMENT, v.id).chain(tasks -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReviewTask task : tasks) {
                String before = task.status.name();
                task.resolve(ReviewOutcome.REVISED, "Lần ban hành " + v.revision + " không còn căn cứ vào văn bản đã thay đổi.",
                        v.id, who, now);
                chain = chain.chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("review-task", task.id, agency).did("resolved by issuing revision "
                        + v.revision, who, Map.of("status", before), Map.of("status", task.status.name(), "outcome", task.outcome.name())),
                        ProcedureReviewEvents.completed(task, now))));
            }
            return chain;
        });
    }
}
