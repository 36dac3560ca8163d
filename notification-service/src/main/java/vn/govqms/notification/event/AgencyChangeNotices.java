package vn.govqms.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A change that reaches several procedures of an agency (a legal document or a TTHC amended, replaced, repealed) is told to the
 * agency once: one notice per agency, change and kind ({@code procedure-review.required}; {@code procedure-review.overdue}
 * for the change's overdue marks), with the list of its review tasks, their counts and the nearest due date. The change's
 * later events for the agency (one more procedure found, a review resolved, re-dated or overdue) update the notice and its
 * notifications instead of adding their own; the live stream shows the notice again once per update. Set-based: a polled
 * run of thousands of tasks takes three statements, each keyed by task (a task counts once however often its event comes).
 * A review whose task was never announced with its change (no {@code causeId}, or from before) is told on its own.
 */
@ApplicationScoped
public class AgencyChangeNotices {

    static final String REQUIRED = EventKind.PROCEDURE_REVIEW_REQUIRED.fact();
    static final String OVERDUE = EventKind.PROCEDURE_REVIEW_OVERDUE.fact();

    /** The tasks of the run's changes; a task's later fields win (a task is announced once, in practice). */
    static final String FOUND = """
            insert into review_notice_task (task_id, agency_id, cause, cause_id, cause_summary, document_id, document_code, document_title,
                                            due_date, status, found_at, updated_at)
            select distinct on (i.task) i.task, coalesce(s.successor_id, i.agency_id), i.cause, i.cause_id, i.summary, i.document_id,
                   i.code, i.title, i.due_date, 'OPEN', $10::timestamptz, $10::timestamptz
            from unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[])
                 with ordinality as i(task, agency_id, cause, cause_id, summary, document_id, code, title, due_date, ord)
            left join agency_successor s on s.predecessor_id = i.agency_id
            order by i.task, i.ord desc
            on conflict (task_id) do update set cause_summary = excluded.cause_summary, document_code = excluded.document_code,
                                                document_title = excluded.document_title, due_date = excluded.due_date,
                                                updated_at = excluded.updated_at""";

    /** Overdue, resolved, re-dated: the last event of the run about a task gives its status; a resolved task stays resolved. */
    static final String MARKED = """
            update review_notice_task t
            set status = case when t.status = 'RESOLVED' then t.status else x.status end,
                due_date = coalesce(x.due_date, t.due_date), outcome = coalesce(x.outcome, t.outcome),
                overdue_at = case when x.overdue then coalesce(t.overdue_at, $6::timestamptz) else t.overdue_at end, updated_at = $6::timestamptz
            from (select i.task, (array_agg(i.status order by i.ord desc))[1] as status,
                         (array_agg(i.due_date order by i.ord desc) filter (where i.due_date is not null))[1] as due_date,
                         (array_agg(i.outcome order by i.ord desc) filter (where i.outcome is not null))[1] as outcome,
                         bool_or(i.overdue) as overdue
                  from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::boolean[]) with ordinality
                       as i(task, status, due_date, outcome, overdue, ord)
                  group by i.task) x
            where t.task_id = x.task""";

    /**
     * Opens the notices of the run's changes not told yet (the change's first event of the kind for the agency carries it),
     * rewrites every touched notice from its tasks (its log row's {@code data.notice}, due date and link, and a new place in
     * the live stream), and tells its recipients by the rules: one notification per recipient and channel, updated (its due
     * date; its read mark stays) rather than added, and one webhook delivery per subscription.
     */
    static final String NOTICES = """
            with run as (
              select * from unnest($1::text[], $2::text[], $3::text[]) with ordinality as r(event_id, kind, task, ord)
            ), mine as (
              select r.event_id, r.kind, r.ord, t.agency_id, t.cause from run r join review_notice_task t on t.task_id = r.task
            ), opened as (
              insert into review_notice (agency_id, cause, kind, event_id, created_at)
              select distinct on (m.agency_id, m.cause, m.kind) m.agency_id, m.cause, m.kind, m.event_id, $4::timestamptz
              from mine m where m.kind in ('procedure-review.required', 'procedure-review.overdue')
              order by m.agency_id, m.cause, m.kind, m.ord
              on conflict do nothing
              returning agency_id, cause, kind, event_id
            ), notices as (
              select agency_id, cause, kind, event_id from opened
              union
              select n.agency_id, n.cause, n.kind, n.event_id from review_notice n
              where (n.agency_id, n.cause) in (select agency_id, cause from mine)
            ), content as (
              select n.event_id, n.agency_id, max(t.cause_id) as cause_id, count(*) as tasks,
                     min(t.due_date) filter (where t.status <> 'RESOLVED') as due_date,
                     jsonb_build_object('kind', n.kind, 'causeId', max(t.cause_id), 'causeSummary', max(t.cause_summary),
                         'taskCount', count(*), 'openCount', count(*) filter (where t.status <> 'RESOLVED'),
                         'overdueCount', count(*) filter (where t.status = 'OVERDUE'),
                         'resolvedCount', count(*) filter (where t.status = 'RESOLVED'),
                         'dueDate', min(t.due_date) filter (where t.status <> 'RESOLVED'),
                         'tasks', jsonb_agg(jsonb_build_object('taskId', t.task_id, 'documentId', t.document_id,
                             'documentCode', t.document_code, 'documentTitle', t.document_title, 'dueDate', t.due_date, 'status', t.status,
                             'outcome', t.outcome, 'link', '/api/v1/review-tasks/' || t.task_id) order by t.document_code, t.task_id)) as notice
              from notices n join review_notice_task t on t.agency_id = n.agency_id and t.cause = n.cause
              where n.kind = 'procedure-review.required' or t.overdue_at is not null
              group by n.event_id, n.agency_id, n.kind
            ), logged as (
              update event_log e
              set data = jsonb_set(e.data, '{notice}', c.notice), seq = nextval(pg_get_serial_sequence('event_log', 'seq')),
                  received_at = $4::timestamptz, due_date = coalesce(c.due_date, e.due_date),
                  link = case when c.tasks = 1 then e.link else '/api/v1/review-tasks?agencyId=' || c.agency_id || '&causeId=' || c.cause_id end
              from content c where e.event_id = c.event_id
              returning e.event_id, e.type, e.kind, c.agency_id, e.province_code, e.due_date
            ), told as (
              select l.event_id, l.type, l.kind, l.agency_id, coalesce(d.province_code, l.province_code) as province_code, l.due_date,
                     false as skip_rules, null::text as owner
              from logged l left join agency_directory d on d.id = l.agency_id
            )%s, n as (
              insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                        due_date, created_at, delivery_status, next_attempt_at)
              select t.event_id, t.contact, t.subject, t.agency_id, t.province_code, t.channel, t.kind, t.reason, t.urgency, t.language,
                     t.due_date, $4::timestamptz,
                     case when t.channel = 'EMAIL' then case when t.digest and t.urgency = 'LOW' then 'DIGEST' else 'PENDING' end end,
                     case when t.channel = 'EMAIL' then $6::timestamptz end
              from targets t
              on conflict (event_id, contact_id, channel) do update set due_date = excluded.due_date
              returning 1
            ), w as (%s
              on conflict (subscription_id, event_id) do nothing
              returning 1
            )
            select (select count(*) from n), (select count(*) from w)""";

    /** A review event of a task, with the change it names (a required review's only). */
    public record Review(String eventId, EventKind kind, String task, UUID agencyId, String cause, String causeId, JsonNode data) {

        /** The review events of a run (null: not a review). */
        static Review of(ReceivedEvent e, EventKind kind, UUID agencyId) {
            if (kind != EventKind.PROCEDURE_REVIEW_REQUIRED && kind != EventKind.PROCEDURE_REVIEW_OVERDUE
                    && kind != EventKind.PROCEDURE_REVIEW_COMPLETED && kind != EventKind.PROCEDURE_REVIEW_RESCHEDULED) {
                return null;
            }
            JsonNode d = e.data();
            String causeId = EventFacts.text(d, "causeId");
            // the change: what changed, how, from when (two amendments of one decree are two changes)
            String cause = kind == EventKind.PROCEDURE_REVIEW_REQUIRED && causeId != null ? EventFacts.text(d, "causeType") + ":" + causeId
                    + ":" + EventFacts.text(d, "causeKind") + ":" + EventFacts.text(d, "effectiveDate") : null;
            return new Review(e.id(), kind, EventFacts.required(d, "taskId"), agencyId, cause, causeId, d);
        }
    }

    private final NoticeConfig config;
    private final String notices;

    public AgencyChangeNotices(NoticeConfig config) {
        this.config = config;
        this.notices = NOTICES.formatted(NotificationRouting.RECIPIENTS, NotificationRouting.DELIVERIES.formatted("$4", "$5", "$6"));
    }

    /** Records the tasks of the changes announced in the run (before the run is logged). */
    Uni<Void> found(SqlConnection tx, List<Review> reviews, OffsetDateTime now) {
        List<Review> found = reviews.stream().filter(r -> r.cause() != null).toList();
        if (found.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = found.size();
        String[] tasks = new String[n], causes = new String[n], causeIds = new String[n], summaries = new String[n], documents = new String[n],
                codes = new String[n], titles = new String[n];
        UUID[] agencies = new UUID[n];
        LocalDate[] dues = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Review r = found.get(i);
            tasks[i] = r.task();
            agencies[i] = r.agencyId();
            causes[i] = r.cause();
            causeIds[i] = r.causeId();
            summaries[i] = EventFacts.text(r.data(), "causeSummary");
            documents[i] = EventFacts.text(r.data(), "documentId");
            codes[i] = EventFacts.text(r.data(), "documentCode");
            titles[i] = EventFacts.text(r.data(), "documentTitle");
            dues[i] = EventFacts.date(r.data(), "dueDate");
        }
        return tx.preparedQuery(FOUND).execute(Tuple.from(new Object[] {tasks, agencies, causes, causeIds, summaries, documents, codes,
                titles, dues, now})).replaceWithVoid();
    }

    /**
     * The reviews that name the notices a run touches: of the reviews found (their change is known here) the first per agency
     * and change, which is the one that opens the notice when the agency has none (the log statement keeps the same one); every
     * mark, whose change is its task's. A fan-out's 300 reviews of 38 agencies are 38 rows to look up, not 300.
     */
    static List<Review> touching(List<Review> logged) {
        Set<String> seen = new HashSet<>();
        return logged.stream().filter(r -> r.kind() != EventKind.PROCEDURE_REVIEW_REQUIRED || r.cause() == null
                || seen.add(r.agencyId() + " " + r.cause())).toList();
    }

    /** Marks the run's logged reviews on their tasks and rewrites and tells the notices they touch. */
    Uni<Void> tell(SqlConnection tx, List<Review> logged, OffsetDateTime now) {
        if (logged.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Review> marks = logged.stream().filter(r -> r.kind() != EventKind.PROCEDURE_REVIEW_REQUIRED).toList();
        Uni<Void> marked = Uni.createFrom().voidItem();
        if (!marks.isEmpty()) {
            int n = marks.size();
            String[] tasks = new String[n], statuses = new String[n], outcomes = new String[n];
            LocalDate[] dues = new LocalDate[n];
            Boolean[] overdue = new Boolean[n];
            for (int i = 0; i < n; i++) {
                Review r = marks.get(i);
                tasks[i] = r.task();
                statuses[i] = switch (r.kind()) {
                    case PROCEDURE_REVIEW_OVERDUE -> "OVERDUE";
                    case PROCEDURE_REVIEW_COMPLETED -> "RESOLVED";
                    default -> "OVERDUE".equals(EventFacts.text(r.data(), "status")) ? "OVERDUE" : "OPEN";
                };
                dues[i] = r.kind() == EventKind.PROCEDURE_REVIEW_RESCHEDULED ? EventFacts.date(r.data(), "dueDate") : null;
                outcomes[i] = r.kind() == EventKind.PROCEDURE_REVIEW_COMPLETED ? EventFacts.text(r.data(), "outcome") : null;
                overdue[i] = r.kind() == EventKind.PROCEDURE_REVIEW_OVERDUE;
            }
            marked = tx.preparedQuery(MARKED).execute(Tuple.from(new Object[] {tasks, statuses, dues, outcomes, overdue, now})).replaceWithVoid();
        }
        List<Review> touching = touching(logged);
        String[] ids = touching.stream().map(Review::eventId).toArray(String[]::new);
        String[] kinds = touching.stream().map(r -> r.kind().fact()).toArray(String[]::new);
        String[] tasks = touching.stream().map(Review::task).toArray(String[]::new);
        return marked.chain(() -> tx.preparedQuery(notices).execute(Tuple.from(new Object[] {ids, kinds, tasks, now,
                NotificationRouting.INTEGRATION_TYPES, now.plus(config.emailSettle())})).replaceWithVoid());
    }
}
