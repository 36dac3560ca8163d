package vn.govqms.notification.event;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.notification.event.EventFacts.Tracked;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Logs a polled run of events and turns them into notifications, in the consumer's transaction and set-based: one statement
 * logs the events ({@code event_log}), joins the rules in force in each event's province with the contacts of its agency (or
 * the province's steering committee, or a named contact, or the event's owner), writes one notification per event, recipient
 * and channel and queues one webhook delivery per matching subscription (a one-stop-shop system's only of the types it may
 * receive, {@link IntegrationView}); a few more record due dates (reminders), overdue items (escalation) and what completion
 * events close, each only when the run has some. The reviews of a change that reaches several procedures of an agency are
 * told through the agency's notice of the change instead ({@link AgencyChangeNotices}: one notification per recipient, updated by
 * the change's later events), and only the event that opens a notice is logged (its row carries the notice; the change's other
 * reviews are kept as the notice's tasks). An event that still names an agency ended by a merger or a split is told to
 * the agency that continues it, and the due dates and escalations it opens or updates are that agency's. The events, their
 * log rows and their notifications commit together with the kit's record of the ids, so a redelivery changes nothing and
 * nothing is left half done.
 */
@ApplicationScoped
public class NotificationRouting {

    /**
     * Who is told of the rows of a CTE {@code told} (event_id, type, kind, agency_id, province_code, due_date, skip_rules, owner): the rules in force in the row's province joined with the contacts of its agency (or the province's steering
     * committee, a named contact, the event's owner), one target per row, recipient and channel (the most urgent rule wins),
     * muted channels and contacts without an address left out. Shared by the events told on their own and the agencies'
     * notices ({@link AgencyChangeNotices}).
     */
    static final String RECIPIENTS = """
            , rules as (
              select t.event_id, t.kind, t.agency_id, t.province_code, t.due_date, t.owner, r.recipient_kind, r.recipient_role,
                     r.contact_id, r.channels, r.urgency
              from told t join notification_rule r on r.event_type = t.type and r.enabled
              where not t.skip_rules
                and (r.province_code = t.province_code or (r.province_code is null and not exists (
                     select 1 from notification_rule p where p.event_type = t.type and p.province_code = t.province_code)))
            ), recipients as (
              select r.*, c.id as contact, c.subject, c.language, c.digest, c.email, 'ROLE:' || r.recipient_role as reason, 2 as rank
              from rules r join contact c on c.agency_id = r.agency_id and r.recipient_role = any (c.roles)
              where r.recipient_kind = 'AGENCY_ROLE'
              union all
              select r.*, c.id, c.subject, c.language, c.digest, c.email, 'OWNER', 0
              from rules r join contact c on c.agency_id = r.agency_id and c.subject = r.owner
              where r.recipient_kind = 'EVENT_OWNER'
              union all
              select r.*, c.id, c.subject, c.language, c.digest, c.email, 'STEERING_COMMITTEE', 1
              from rules r join contact c on c.agency_id is null and c.province_code = r.province_code
              where r.recipient_kind = 'STEERING_COMMITTEE'
              union all
              select r.*, c.id, c.subject, c.language, c.digest, c.email, 'CONTACT', 1
              from rules r join contact c on c.id = r.contact_id
              where r.recipient_kind = 'CONTACT'
            ), targets as (
              select distinct on (t.event_id, t.contact, ch.channel) t.*, ch.channel
              from recipients t cross join lateral unnest(t.channels) as ch(channel)
              where (ch.channel <> 'EMAIL' or t.email is not null)
                and not exists (select 1 from channel_mute m where m.subject = t.subject and m.channel = ch.channel)
              order by t.event_id, t.contact, ch.channel, case t.urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, t.rank
            )""";

    /**
     * One webhook delivery per row of {@code told} and matching subscription; {@code %s}: the time, the integration's types,
     * the first attempt's time.
     */
    static final String DELIVERIES = """

              insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
              select gen_random_uuid(), s.id, t.event_id, 'PENDING', 0, %3$s::timestamptz, %1$s::timestamptz
              from told t join webhook_subscription s on s.active and t.type = any (s.event_types)
                   and (s.agency_id = t.agency_id or s.agency_id is null and s.province_code = t.province_code)
                   -- a one-stop-shop system's subscription: only the types its REST reads allow (IntegrationView)
                   and (not s.for_integration or t.type = any (%2$s::text[]))""";

    /**
     * Reads nothing back from {@code event_log}: the rules and contacts are joined with the rows just inserted (RETURNING,
     * hence the log keeps the owner and whether rules apply), so the plan does not depend on the size or statistics of the log,
     * and every join is driven by the run's rows (no join of two CTEs, which a generic plan could make a nested loop). Only rows logged now (not seen before) are fanned out,
     * and a notification or delivery can only be new: no {@code on conflict} is needed there, the unique keys still guard it.
     */
    static final String LOG_AND_NOTIFY = """
            with input as (
              -- a review of a followed change (its task recorded) is told through its agency's notice (AgencyChangeNotices), not on
              -- its own; its task row keeps what it said, so only the event that opens the notice (the run's first of its kind for the
              -- agency's change, while the agency has no such notice) is logged: its row carries the notice
              select i.*, t.task_id is not null as grouped,
                     t.task_id is not null and i.kind in ('procedure-review.required', 'procedure-review.overdue')
                     and row_number() over (partition by t.agency_id, t.cause, i.kind order by i.ord) = 1 and n.event_id is null as opens
              from unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::timestamptz[], $9::text[], $10::date[], $11::text[], $12::boolean[], $13::text[], $16::text[]) with ordinality
                   as i(event_id, type, kind, agency_id, province_code, source, subject, occurred_at, data, due_date, link, skip_rules, owner, task, ord)
              left join review_notice_task t on t.task_id = i.task
              left join review_notice n on n.agency_id = t.agency_id and n.cause = t.cause and n.kind = i.kind
            ), ev as (
              insert into event_log (event_id, type, kind, agency_id, province_code, source, subject, occurred_at, received_at, data, due_date, link,
                                     skip_rules, owner, grouped)
              select i.event_id, i.type, i.kind, i.agency_id, coalesce(a.province_code, i.province_code), i.source, i.subject, i.occurred_at,
                     $14::timestamptz, i.data::jsonb, i.due_date, i.link, i.skip_rules, i.owner, i.grouped
              from input i left join agency_directory a on a.id = i.agency_id
              where not i.grouped or i.opens
              order by i.ord
              on conflict (event_id) do nothing
              returning event_id, type, kind, agency_id, province_code, due_date, skip_rules, owner, grouped
            ), told as (
              -- an event that still names an agency ended by a merger or a split is told to the agency that continues it
              select ev.event_id, ev.type, ev.kind, coalesce(s.successor_id, ev.agency_id) as agency_id,
                     coalesce(d.province_code, ev.province_code) as province_code, ev.due_date, ev.skip_rules, ev.owner
              from ev left join agency_successor s on s.predecessor_id = ev.agency_id
              left join agency_directory d on d.id = s.successor_id
              where not ev.grouped
            )%s, n as (
              insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                        due_date, created_at, delivery_status, next_attempt_at)
              select t.event_id, t.contact, t.subject, t.agency_id, t.province_code, t.channel, t.kind, t.reason, t.urgency, t.language,
                     t.due_date, $14::timestamptz,
                     case when t.channel = 'EMAIL' then case when t.digest and t.urgency = 'LOW' then 'DIGEST' else 'PENDING' end end,
                     case when t.channel = 'EMAIL' then $14::timestamptz end
              from targets t
              returning 1
            ), w as (%s
              returning 1
            )
            select event_id, (select count(*) from n) as notifications, (select count(*) from w) as deliveries from ev
            union all
            -- the reviews told through a notice count as new too (the kit's record of the ids keeps redeliveries out)
            select i.event_id, (select count(*) from n), (select count(*) from w) from input i where i.grouped and not i.opens""".formatted(
            RECIPIENTS, DELIVERIES.formatted("$14", "$15", "$14"));

    /** Due dates to remind of; the last event of the run about an item wins (its agency too: a moved review task follows its document). */
    static final String DEADLINES = """
            insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
            select distinct on (i.key) i.key, i.kind, coalesce(s.successor_id, i.agency_id), i.title, i.due_date, i.owner, i.link, $8::timestamptz
            from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[]) with ordinality
                 as i(key, kind, agency_id, title, due_date, owner, link, ord)
            left join agency_successor s on s.predecessor_id = i.agency_id
            order by i.key, i.ord desc
            on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title,
                                            agency_id = excluded.agency_id""";

    /** Each item of an approved activity plan has a planned date: a due date of its own. */
    static final String PLAN_ITEMS = """
            insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
            select distinct on (it ->> 'itemId') 'activity:' || (it ->> 'itemId'), 'activity', coalesce(s.successor_id, e.agency_id),
                   coalesce(it ->> 'title', it ->> 'itemId'), (it ->> 'plannedDate')::date, it ->> 'owner', e.link, $4::timestamptz
            from unnest($1::text[], $2::uuid[], $3::text[]) with ordinality as e(data, agency_id, link, ord)
            left join agency_successor s on s.predecessor_id = e.agency_id
            cross join lateral jsonb_array_elements(coalesce(e.data::jsonb -> 'items', '[]'::jsonb)) it
            where it ->> 'itemId' is not null and it ->> 'plannedDate' is not null
            order by it ->> 'itemId', e.ord desc
            on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title,
                                            agency_id = excluded.agency_id""";

    static final String ESCALATIONS = """
            insert into escalation (key, kind, agency_id, title, due_date, owner, link, reported_step, created_at)
            select distinct on (i.key) i.key, i.kind, coalesce(s.successor_id, i.agency_id), i.title, i.due_date, i.owner, i.link,
                   i.reported_step, $9::timestamptz
            from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[], $8::int[]) with ordinality
                 as i(key, kind, agency_id, title, due_date, owner, link, reported_step, ord)
            left join agency_successor s on s.predecessor_id = i.agency_id
            order by i.key, i.reported_step desc, i.ord desc
            on conflict (key) do update set reported_step = greatest(escalation.reported_step, excluded.reported_step),
                                            owner = coalesce(excluded.owner, escalation.owner), agency_id = excluded.agency_id""";

    /**
     * A review re-dated by document-service (procedure-review.rescheduled): OPEN again, its escalation ends (the item is no
     * longer overdue; a later procedure-review.overdue opens a new one); still OVERDUE, its escalation counts from the new
     * due date. The last event of the run about an item wins.
     */
    static final String RESCHEDULES = """
            with x as (
              select distinct on (i.key) i.key, i.due_date, i.status
              from unnest($1::text[], $2::date[], $3::text[]) with ordinality as i(key, due_date, status, ord)
              order by i.key, i.ord desc
            ), gone as (
              delete from escalation e using x where e.key = x.key and x.status = 'OPEN' and e.closed_at is null returning 1
            )
            update escalation e set due_date = x.due_date from x
            where e.key = x.key and x.status = 'OVERDUE' and e.closed_at is null and (select count(*) from gone) >= 0""";

    /** Run after the due dates and escalations above, so that a run that opens and closes an item leaves it closed. */
    static final String CLOSES = """
            with d as (update deadline set closed_at = $2 where key = any ($1::text[]) and closed_at is null returning 1)
            update escalation set closed_at = $2 where key = any ($1::text[]) and closed_at is null""";

    /** The types a one-stop-shop system's subscription receives. */
    static final String[] INTEGRATION_TYPES = IntegrationView.deliveredTypes();

    @Inject Clock clock;
    @Inject AgencyChangeNotices notices;

    /** An event with what this service read from it. */
    private record Fact(ReceivedEvent event, EventKind kind, EventFacts facts) {
    }

    /** Logs and fans out consecutive events of a polled batch, in {@code tx}. */
    public Uni<Void> apply(SqlConnection tx, List<ReceivedEvent> events) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Fact> facts = new ArrayList<>(events.size());
        for (ReceivedEvent e : events) {
            EventKind kind = EventKind.ofType(e.type()).orElseThrow();
            facts.add(new Fact(e, kind, EventFacts.of(kind, e.data())));
        }
        List<AgencyChangeNotices.Review> reviews = new ArrayList<>();
        for (Fact f : facts) {
            AgencyChangeNotices.Review r = AgencyChangeNotices.Review.of(f.event(), f.kind(), f.facts().agencyId());
            if (r != null) {
                reviews.add(r);
            }
        }
        long t0 = System.nanoTime();
        // the changes' tasks first: the log then knows which reviews are told through a notice
        return notices.found(tx, reviews, now).chain(() -> tx.preparedQuery(LOG_AND_NOTIFY).execute(logged(facts, reviews, now))).chain(rows -> {
            long t1 = System.nanoTime();
            Set<String> fresh = new HashSet<>();
            long notifications = 0;
            long deliveries = 0;
            for (Row r : rows) {
                fresh.add(r.getString(0));
                notifications = r.getLong(1);
                deliveries = r.getLong(2);
            }
            List<Fact> logged = facts.stream().filter(f -> fresh.contains(f.event().id())).toList();
            long n = notifications;
            long d = deliveries;
            List<AgencyChangeNotices.Review> loggedReviews = reviews.stream().filter(r -> fresh.contains(r.eventId())).toList();
            return afterwards(tx, logged, now).chain(() -> notices.tell(tx, loggedReviews, now)).invoke(() -> Log.debugf(
                    "fan-out: %d events (%d new): %d notifications, %d webhook deliveries in %d ms; due dates, escalations, closings %d ms",
                    facts.size(), logged.size(), n, d, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000));
        });
    }

    /** Due dates, plan items, escalations, re-dated reviews and closings, each statement only when the run has some. */
    private static Uni<Void> afterwards(SqlConnection tx, List<Fact> logged, OffsetDateTime now) {
        List<Fact> withAgency = logged.stream().filter(f -> f.facts().agencyId() != null).toList();
        List<Fact> deadlines = withAgency.stream().filter(f -> f.facts().deadline() != null).toList();
        List<Fact> plans = withAgency.stream().filter(f -> f.kind() == EventKind.ACTIVITY_PLAN_APPROVED).toList();
        List<Fact> escalations = withAgency.stream().filter(f -> f.facts().escalation() != null).toList();
        String[] closes = logged.stream().flatMap(f -> f.facts().closes().stream()).distinct().toArray(String[]::new);
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!deadlines.isEmpty()) {
            chain = chain.chain(() -> run(tx, DEADLINES, tracked(deadlines, f -> f.facts().deadline(), now, false)));
        }
        if (!plans.isEmpty()) {
            chain = chain.chain(() -> run(tx, PLAN_ITEMS, Tuple.of(
                    plans.stream().map(f -> f.event().data().toString()).toArray(String[]::new),
                    plans.stream().map(f -> f.facts().agencyId()).toArray(UUID[]::new),
                    plans.stream().map(f -> f.facts().link()).toArray(String[]::new), now)));
        }
        if (!escalations.isEmpty()) {
            chain = chain.chain(() -> run(tx, ESCALATIONS, tracked(escalations, f -> f.facts().escalation(), now, true)));
        }
        List<Fact> reschedules = withAgency.stream().filter(f -> f.kind() == EventKind.PROCEDURE_REVIEW_RESCHEDULED).toList();
        if (!reschedules.isEmpty()) {
            chain = chain.chain(() -> run(tx, RESCHEDULES, Tuple.of(
                    reschedules.stream().map(f -> f.facts().deadline().key()).toArray(String[]::new),
                    reschedules.stream().map(f -> f.facts().dueDate()).toArray(LocalDate[]::new),
                    reschedules.stream().map(f -> EventFacts.text(f.event().data(), "status")).toArray(String[]::new))));
        }
        if (closes.length > 0) {
            chain = chain.chain(() -> run(tx, CLOSES, Tuple.of(closes, now)));
        }
        return chain;
    }

    private static Tuple logged(List<Fact> facts, List<AgencyChangeNotices.Review> reviews, OffsetDateTime now) {
        int n = facts.size();
        Map<String, String> tasks = new HashMap<>();
        reviews.forEach(r -> tasks.put(r.eventId(), r.task()));
        String[] taskIds = new String[n];
        String[] ids = new String[n], types = new String[n], kinds = new String[n], provinces = new String[n], sources = new String[n],
                subjects = new String[n], data = new String[n], links = new String[n], owners = new String[n];
        UUID[] agencies = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        LocalDate[] dues = new LocalDate[n];
        Boolean[] skip = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            ReceivedEvent e = f.event();
            ids[i] = e.id();
            types[i] = e.type();
            kinds[i] = f.kind().fact();
            agencies[i] = f.facts().agencyId();
            provinces[i] = f.facts().provinceCode();
            sources[i] = e.source();
            subjects[i] = e.subject();
            times[i] = e.time();
            data[i] = e.data().toString();
            dues[i] = f.facts().dueDate();
            links[i] = f.facts().link();
            skip[i] = f.facts().skipRules();
            owners[i] = f.facts().owner();
            taskIds[i] = tasks.get(e.id());
        }
        return Tuple.from(new Object[] {ids, types, kinds, agencies, provinces, sources, subjects, times, data, dues, links, skip, owners, now,
                INTEGRATION_TYPES, taskIds});
    }

    /** The arrays of DEADLINES (or, with the reported steps, of ESCALATIONS). */
    private static Tuple tracked(List<Fact> facts, Function<Fact, Tracked> item, OffsetDateTime now, boolean steps) {
        int n = facts.size();
        String[] keys = new String[n], kinds = new String[n], titles = new String[n], owners = new String[n], links = new String[n];
        UUID[] agencies = new UUID[n];
        LocalDate[] dues = new LocalDate[n];
        Integer[] reported = new Integer[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            Tracked t = item.apply(f);
            keys[i] = t.key();
            kinds[i] = f.kind().fact();
            agencies[i] = f.facts().agencyId();
            titles[i] = t.title();
            dues[i] = t.dueDate();
            owners[i] = f.facts().owner();
            links[i] = f.facts().link();
            reported[i] = t.reportedStep();
        }
        return steps ? Tuple.from(new Object[] {keys, kinds, agencies, titles, dues, owners, links, reported, now})
                : Tuple.from(new Object[] {keys, kinds, agencies, titles, dues, owners, links, now});
    }

    private static Uni<Void> run(SqlConnection tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).replaceWithVoid();
    }
}
