package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.tthc.AdministrativeProcedure;
import vn.govqms.kit.outbox.EventRows;
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
public class ReviewTaskQueries {

    public static final String LEGAL_DOCUMENT = "LEGAL_DOCUMENT";
    public static final String ADMINISTRATIVE_PROCEDURE = "ADMINISTRATIVE_PROCEDURE";

    /**
     * {@code cause}: one row per cause (type, id, key, kind, summary, effective date); {@code relying}: the versions
     * relying on each cause, with the TTHC through which they do when they do not cite it. Parameters 1-5 are the
     * statement's own, the cause fragment numbers its own from 6 (ordinal labels must run without gaps).
     */
    private static final String FAN_OUT = """
            cause as (
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
            )""";

    /**
     * The events of the tasks written, agency by agency: {@link ProcedureReviewEvents.RequiredData} of a task created (type ?4),
     * {@link ProcedureReviewEvents.RescheduledData} of one moved (type ?5), both from one typed row.
     */
    private static final String FAN_OUT_EVENTS = """
            select case when t.created then cast(?4 as text) else cast(?5 as text) end as type, t.agency_id::text as message_key,
                   'review-tasks/' || t.task_id as subject,
                   case when t.created then %s else %s end as payload
            from (select w.id as task_id, w.agency_id, w.document_id, d.code as document_code, d.title as document_title,
                         v.revision, w.cause_type, w.cause_id, w.cause_kind, w.cause_summary, w.via_procedure_id,
                         p.effective_date as previous_effective_date, w.effective_date, p.due_date as previous_due_date,
                         w.due_date, w.status, w.created
                  from written w
                  join controlled_document d on d.id = w.document_id
                  join document_version v on v.id = w.version_id
                  left join prior p on p.id = w.id) t
            order by t.agency_id, t.document_code, t.task_id""".formatted(
            EventRows.payload(ProcedureReviewEvents.RequiredData.class, "t"), EventRows.payload(ProcedureReviewEvents.RescheduledData.class, "t"));

    private static final String ONE_CAUSE = """
            select cast(?6 as text) as cause_type, cast(?7 as uuid) as cause_id, cast(?8 as text) as cause_key,
                   cast(?9 as text) as cause_kind, cast(?10 as text) as cause_summary, cast(?11 as date) as effective_date""";

    /** Expired documents: the change takes effect the day after the last day in force. */
    private static final String EXPIRED_CAUSES = """
            select 'LEGAL_DOCUMENT' as cause_type, l.id as cause_id, 'legal:' || l.id || ':EXPIRED:self' as cause_key,
                   'EXPIRED' as cause_kind,
                   'Văn bản ' || l.number || ' hết hiệu lực từ ' || to_char(l.expiry_date + 1, 'YYYY-MM-DD') || '.' as cause_summary,
                   l.expiry_date + 1 as effective_date
            from legal_document l where l.id = any(cast(cast(?6 as text) as uuid[]))""";

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

    private static final String LATE = """
            late as (
                -- the system's note, not a change: the version stays, so an issue or a resolution that completes the
                -- task meanwhile is not refused as stale (412)
                update review_task set status = 'OVERDUE', overdue_at = cast(?2 as timestamptz)
                where status = 'OPEN' and due_date < cast(?1 as date)
                returning id, agency_id, document_id, due_date, cause_summary
            )""";

    /** The events of the tasks marked, agency by agency: {@link ProcedureReviewEvents.OverdueData}. */
    private static final String LATE_EVENTS = """
            select t.agency_id::text as message_key, 'review-tasks/' || t.task_id as subject, %s as payload
            from (select l.id as task_id, l.agency_id, l.document_id, d.code as document_code, l.due_date,
                         cast(?1 as date) - l.due_date as days_overdue, l.cause_summary
                  from late l join controlled_document d on d.id = l.document_id) t
            order by t.agency_id, t.document_code, t.task_id""".formatted(EventRows.payload(ProcedureReviewEvents.OverdueData.class, "t"));

    @Inject Outbox outbox;
    @Inject ProcedureReviewConfig config;
    @Inject Clock clock;

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
        return fanOut(session, EXPIRED_CAUSES, RELY_ON_LEGAL_DOCUMENT, ids);
    }

    private Uni<Integer> oneCause(Mutiny.Session session, String relies, String causeType, UUID causeId, String causeKey,
                                  String changeKind, String summary, LocalDate effective) {
        return fanOut(session, ONE_CAUSE, relies, causeType, causeId, causeKey, changeKind, summary, effective);
    }

    /** The fan-out of {@code causes} (their parameters from 6 on) to the versions that {@code relies} finds. */
    private Uni<Integer> fanOut(Mutiny.Session session, String causes, String relies, Object... causeParams) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Object[] params = new Object[5 + causeParams.length];
        params[0] = now;
        params[1] = interval(config.dueAfter());
        params[2] = now.toLocalDate();
        params[3] = ProcedureReviewEvents.REQUIRED;
        params[4] = ProcedureReviewEvents.RESCHEDULED;
        System.arraycopy(causeParams, 0, params, 5, causeParams.length);
        return outbox.publish(session, EventRows.ofTypes(ProcedureReviewEvents.TOPIC, now).with(FAN_OUT.formatted(causes, relies))
                .select(FAN_OUT_EVENTS).params(params));
    }

    /** Open tasks past their due date become overdue, once; returns how many. */
    public Uni<Integer> markOverdue(Mutiny.Session session) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return outbox.publish(session, EventRows.of(ProcedureReviewEvents.TOPIC, ProcedureReviewEvents.OVERDUE, now).with(LATE).select(LATE_EVENTS)
                .params(now.toLocalDate(), now));
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
