package vn.govqms.document.review;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.kit.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Creates the review tasks of a change in one statement: a task for every issued procedure, in
 * every agency, that cites the changed legal document or implements the changed TTHC, and its
 * {@code procedure-review.required} outbox row. One task per procedure and cause: the same change
 * arriving twice creates nothing more. Also marks open tasks past due as overdue, set-based too.
 * <p>
 * The outbox rows are written agency by agency (the relay sends them in that order): a consumer's polled run then holds
 * all of an agency's events together, so scoring-service recomputes each agency about once per change instead of once per
 * run that happens to hold one of its procedures (issued procedures lie in the table in the order they were issued, which
 * interleaves the agencies).
 */
@ApplicationScoped
public class ReviewFanOut {

    public static final String LEGAL_DOCUMENT = "LEGAL_DOCUMENT";
    public static final String ADMINISTRATIVE_PROCEDURE = "ADMINISTRATIVE_PROCEDURE";

    private static final String FAN_OUT = """
            with fresh as (
                insert into review_task (id, agency_id, document_id, version_id, cause_type, cause_id, cause_key, cause_kind,
                                         cause_summary, effective_date, due_date, status, version, created_at)
                select gen_random_uuid(), d.agency_id, d.id, v.id, cast(?1 as text), cast(?2 as uuid), cast(?3 as text),
                       cast(?4 as text), cast(?5 as text), cast(?6 as date),
                       cast(?7 as date), 'OPEN', 0, cast(?8 as timestamptz)
                from document_version v
                join controlled_document d on d.id = v.document_id
                where v.status = 'ISSUED'
                  and d.type in ('SYSTEM_PROCEDURE', 'OPERATIONAL_PROCEDURE', 'TTHC_PROCEDURE')
                  and %s
                on conflict (document_id, cause_key) do nothing
                returning id, agency_id, document_id, version_id, due_date
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'document.events', f.agency_id::text, cast(?9 as text), cast(?10 as text),
                   'review-tasks/' || f.id,
                   cast(?8 as timestamptz),
                   json_build_object('taskId', f.id, 'agencyId', f.agency_id, 'documentId', f.document_id,
                                     'documentCode', d.code, 'documentTitle', d.title, 'revision', v.revision,
                                     'causeType', cast(?1 as text), 'causeId', cast(?2 as uuid), 'causeKind', cast(?4 as text),
                                     'causeSummary', cast(?5 as text),
                                     'effectiveDate', cast(?6 as date), 'dueDate', f.due_date)::text
            from fresh f
            join controlled_document d on d.id = f.document_id
            join document_version v on v.id = f.version_id
            order by f.agency_id, d.code, f.id""";

    private static final String CITES_LEGAL_DOCUMENT = "exists (select 1 from document_version_legal_basis b "
            + "where b.version_id = v.id and b.legal_document_id = cast(?2 as uuid))";
    private static final String IMPLEMENTS_PROCEDURE = "v.tthc_procedure_id = cast(?2 as uuid)";

    private static final String MARK_OVERDUE = """
            with late as (
                update review_task set status = 'OVERDUE', overdue_at = cast(?2 as timestamptz), version = version + 1
                where status = 'OPEN' and due_date < cast(?1 as date)
                returning id, agency_id, document_id, due_date, cause_summary
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'document.events', l.agency_id::text, cast(?3 as text), cast(?4 as text),
                   'review-tasks/' || l.id,
                   cast(?2 as timestamptz),
                   json_build_object('taskId', l.id, 'agencyId', l.agency_id, 'documentId', l.document_id,
                                     'documentCode', d.code, 'dueDate', l.due_date,
                                     'daysOverdue', cast(?1 as date) - l.due_date, 'causeSummary', l.cause_summary)::text
            from late l join controlled_document d on d.id = l.document_id
            order by l.agency_id, d.code, l.id""";

    private final Outbox outbox;
    private final ReviewConfig config;
    private final Clock clock;

    public ReviewFanOut(Outbox outbox, ReviewConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Tasks for the procedures citing {@code legalDocumentId}; returns how many were created. */
    public Uni<Integer> legalDocumentChanged(Mutiny.Session session, UUID legalDocumentId, String changeKind, UUID byId,
                                             String summary, LocalDate effective) {
        String causeKey = "legal:" + legalDocumentId + ":" + changeKind + ":" + (byId == null ? "self" : byId);
        return fanOut(session, CITES_LEGAL_DOCUMENT, LEGAL_DOCUMENT, legalDocumentId, causeKey, changeKind, summary, effective);
    }

    /** Tasks for the procedures implementing TTHC {@code procedureId}. */
    public Uni<Integer> procedureChanged(Mutiny.Session session, UUID procedureId, String changeKind, String summary,
                                         LocalDate effective) {
        String causeKey = "tthc:" + procedureId + ":" + changeKind + ":" + effective;
        return fanOut(session, IMPLEMENTS_PROCEDURE, ADMINISTRATIVE_PROCEDURE, procedureId, causeKey, changeKind, summary, effective);
    }

    private Uni<Integer> fanOut(Mutiny.Session session, String relies, String causeType, UUID causeId, String causeKey,
                                String changeKind, String summary, LocalDate effective) {
        return session.createNativeQuery(FAN_OUT.formatted(relies))
                .setParameter(1, causeType)
                .setParameter(2, causeId)
                .setParameter(3, causeKey)
                .setParameter(4, changeKind)
                .setParameter(5, summary)
                .setParameter(6, effective)
                .setParameter(7, effective.plus(config.dueAfter()))
                .setParameter(8, OffsetDateTime.now(clock))
                .setParameter(9, ReviewEvents.REQUIRED)
                .setParameter(10, outbox.source())
                .executeUpdate();
    }

    /** Open tasks past their due date become overdue, once; returns how many. */
    public Uni<Integer> markOverdue(Mutiny.Session session) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return session.createNativeQuery(MARK_OVERDUE)
                .setParameter(1, now.toLocalDate())
                .setParameter(2, now)
                .setParameter(3, ReviewEvents.OVERDUE)
                .setParameter(4, outbox.source())
                .executeUpdate();
    }
}
