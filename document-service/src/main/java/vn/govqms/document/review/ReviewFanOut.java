package vn.govqms.document.review;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.tthc.AdministrativeProcedure;
import vn.govqms.kit.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates the review tasks of a change in one statement: a task for every procedure, in every agency, that relies on
 * the changed legal document (cites it, or implements a TTHC resting on it) or implements the changed TTHC, and its
 * {@code procedure-review.required} outbox row. Procedures in flight count: the task names the newest version relying
 * on the change, a draft, one in review or approved as well as the issued one. One task per procedure and cause: the
 * same change arriving again creates nothing more, and arriving with another date (a corrected effective date) moves
 * the due date of its tasks still open and announces that ({@code procedure-review.rescheduled}); completed ones keep
 * their history. Also marks open tasks past due as overdue, set-based too.
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

    /**
     * {@code cause}: one row per cause (type, id, key, kind, summary, effective date); {@code relying}: the versions
     * relying on each cause, with the TTHC through which they do when they do not cite it. Parameters 1-6 are the
     * statement's own, the cause fragment numbers its own from 7 (ordinal labels must run without gaps).
     */
    private static final String FAN_OUT = """
            with cause as (
                %s
            ),
            relying as (
                %s
            ),
            chosen as (
                select distinct on (d.id, c.cause_key) d.agency_id, d.id as document_id, v.id as version_id, r.via_procedure_id,
                       c.cause_type, c.cause_id, c.cause_key, c.cause_kind, c.cause_summary, c.effective_date
                from relying r
                join cause c on c.cause_key = r.cause_key
                join document_version v on v.id = r.version_id
                join controlled_document d on d.id = v.document_id
                where v.status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'ISSUED')
                  and d.type in ('SYSTEM_PROCEDURE', 'OPERATIONAL_PROCEDURE', 'TTHC_PROCEDURE')
                order by d.id, c.cause_key, v.revision desc, r.via_procedure_id nulls first
            ),
            prior as (
                select t.id, t.effective_date, t.due_date from review_task t join cause c on c.cause_key = t.cause_key
            ),
            written as (
                insert into review_task (id, agency_id, document_id, version_id, via_procedure_id, cause_type, cause_id, cause_key,
                                         cause_kind, cause_summary, effective_date, due_date, status, version, created_at)
                select gen_random_uuid(), c.agency_id, c.document_id, c.version_id, c.via_procedure_id, c.cause_type, c.cause_id,
                       c.cause_key, c.cause_kind, c.cause_summary, c.effective_date,
                       cast(c.effective_date + cast(cast(?2 as text) as interval) as date), 'OPEN', 0, cast(?1 as timestamptz)
                from chosen c
                on conflict (document_id, cause_key) do update
                    set effective_date = excluded.effective_date, due_date = excluded.due_date,
                        cause_summary = excluded.cause_summary,
                        status = case when review_task.status = 'OVERDUE' and excluded.due_date >= cast(?3 as date)
                                      then 'OPEN' else review_task.status end,
                        overdue_at = case when review_task.status = 'OVERDUE' and excluded.due_date >= cast(?3 as date)
                                          then null else review_task.overdue_at end,
                        version = review_task.version + 1
                    where review_task.status <> 'COMPLETED'
                      and (review_task.effective_date <> excluded.effective_date or review_task.due_date <> excluded.due_date)
                returning id, agency_id, document_id, version_id, via_procedure_id, cause_type, cause_id, cause_kind, cause_summary,
                          effective_date, due_date, status, (xmax = 0) as created
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'document.events', w.agency_id::text,
                   case when w.created then cast(?4 as text) else cast(?5 as text) end, cast(?6 as text),
                   'review-tasks/' || w.id,
                   cast(?1 as timestamptz),
                   case when w.created
                   then json_build_object('taskId', w.id, 'agencyId', w.agency_id, 'documentId', w.document_id,
                                          'documentCode', d.code, 'documentTitle', d.title, 'revision', v.revision,
                                          'causeType', w.cause_type, 'causeId', w.cause_id, 'causeKind', w.cause_kind,
                                          'causeSummary', w.cause_summary, 'viaProcedureId', w.via_procedure_id,
                                          'effectiveDate', w.effective_date, 'dueDate', w.due_date)
                   else json_build_object('taskId', w.id, 'agencyId', w.agency_id, 'documentId', w.document_id,
                                          'documentCode', d.code, 'revision', v.revision,
                                          'causeType', w.cause_type, 'causeId', w.cause_id, 'causeKind', w.cause_kind,
                                          'causeSummary', w.cause_summary,
                                          'previousEffectiveDate', p.effective_date, 'effectiveDate', w.effective_date,
                                          'previousDueDate', p.due_date, 'dueDate', w.due_date, 'status', w.status)
                   end::text
            from written w
            join controlled_document d on d.id = w.document_id
            join document_version v on v.id = w.version_id
            left join prior p on p.id = w.id
            order by w.agency_id, d.code, w.id""";

    private static final String ONE_CAUSE = """
            select cast(?7 as text) as cause_type, cast(?8 as uuid) as cause_id, cast(?9 as text) as cause_key,
                   cast(?10 as text) as cause_kind, cast(?11 as text) as cause_summary, cast(?12 as date) as effective_date""";

    /** Expired documents: the change takes effect the day after the last day in force. */
    private static final String EXPIRED_CAUSES = """
            select 'LEGAL_DOCUMENT' as cause_type, l.id as cause_id, 'legal:' || l.id || ':EXPIRED:self' as cause_key,
                   'EXPIRED' as cause_kind,
                   'Văn bản ' || l.number || ' hết hiệu lực từ ' || to_char(l.expiry_date + 1, 'YYYY-MM-DD') || '.' as cause_summary,
                   l.expiry_date + 1 as effective_date
            from legal_document l where l.id = any(cast(cast(?7 as text) as uuid[]))""";

    /** Versions citing the document, and versions implementing a TTHC that rests on it (they rely on it too). */
    private static final String RELY_ON_LEGAL_DOCUMENT = """
                select b.version_id, c.cause_key, cast(null as uuid) as via_procedure_id
                from cause c join document_version_legal_basis b on b.legal_document_id = c.cause_id
                union all
                select v.id, c.cause_key, pb.procedure_id
                from cause c join administrative_procedure_legal_basis pb on pb.legal_document_id = c.cause_id
                join document_version v on v.tthc_procedure_id = pb.procedure_id""";

    private static final String RELY_ON_PROCEDURE = """
                select v.id as version_id, c.cause_key, cast(null as uuid) as via_procedure_id
                from cause c join document_version v on v.tthc_procedure_id = c.cause_id""";

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

    /**
     * Tasks for the procedures relying on {@code legalDocumentId}, or their due dates moved when the change arrives with
     * another effective date; returns how many tasks were created or moved.
     */
    public Uni<Integer> legalDocumentChanged(Mutiny.Session session, UUID legalDocumentId, String changeKind, UUID byId,
                                             String summary, LocalDate effective) {
        String causeKey = "legal:" + legalDocumentId + ":" + changeKind + ":" + (byId == null ? "self" : byId);
        return oneCause(session, RELY_ON_LEGAL_DOCUMENT, LEGAL_DOCUMENT, legalDocumentId, causeKey, changeKind, summary, effective);
    }

    /**
     * Tasks for the procedures implementing TTHC {@code procedureId}, which the session holds as changed. A change is
     * known by its kind and its terms (decision, reason, name, field, level, processing time), not by its date: the
     * same amendment sent again with another effective date moves its tasks instead of creating a second set.
     */
    public Uni<Integer> procedureChanged(Mutiny.Session session, UUID procedureId, String changeKind, String summary,
                                         LocalDate effective) {
        return session.find(AdministrativeProcedure.class, procedureId).chain(p -> {
            String causeKey = "tthc:" + procedureId + ":" + changeKind + ":" + terms(p);
            return oneCause(session, RELY_ON_PROCEDURE, ADMINISTRATIVE_PROCEDURE, procedureId, causeKey, changeKind, summary,
                    effective);
        });
    }

    /** Tasks for the procedures relying on documents that expired with nothing repealing or replacing them. */
    public Uni<Integer> legalDocumentsExpired(Mutiny.Session session, Collection<UUID> legalDocumentIds) {
        if (legalDocumentIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String ids = legalDocumentIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        return fanOut(session, EXPIRED_CAUSES, RELY_ON_LEGAL_DOCUMENT).setParameter(7, ids).executeUpdate();
    }

    private Uni<Integer> oneCause(Mutiny.Session session, String relies, String causeType, UUID causeId, String causeKey,
                                  String changeKind, String summary, LocalDate effective) {
        return fanOut(session, ONE_CAUSE, relies)
                .setParameter(7, causeType)
                .setParameter(8, causeId)
                .setParameter(9, causeKey)
                .setParameter(10, changeKind)
                .setParameter(11, summary)
                .setParameter(12, effective)
                .executeUpdate();
    }

    private Mutiny.MutationQuery fanOut(Mutiny.Session session, String causes, String relies) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return session.createNativeQuery(FAN_OUT.formatted(causes, relies))
                .setParameter(1, now)
                .setParameter(2, interval(config.dueAfter()))
                .setParameter(3, now.toLocalDate())
                .setParameter(4, ReviewEvents.REQUIRED)
                .setParameter(5, ReviewEvents.RESCHEDULED)
                .setParameter(6, outbox.source());
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

    /** PostgreSQL's interval for a period: P3M → "0 years 3 months 0 days" (end of month clamps as LocalDate.plus does). */
    static String interval(Period p) {
        return p.getYears() + " years " + p.getMonths() + " months " + p.getDays() + " days";
    }

    /** What identifies a TTHC change besides its date: a digest of its terms. */
    private static String terms(AdministrativeProcedure p) {
        String terms = String.join("\u001f", String.valueOf(p.publishedByDecision), String.valueOf(p.changeReason), p.name,
                p.field, String.valueOf(p.level), String.valueOf(p.processingDays), String.valueOf(p.processingUnit),
                String.valueOf(p.processingAmount));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(terms.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
