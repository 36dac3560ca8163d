package vn.govqms.notification.deadline;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.notification.event.EventKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Reminders before due dates and escalation after them, set-based and idempotent (each reminder and each escalation step
 * is an event of its own, made once: {@code reminder:<item>:<days>}, {@code escalation:<item>:<days>}).
 * <ul>
 * <li>Reminders: for each open due date learnt from events (review tasks, corrective actions, plan items), at the smallest
 * configured offset not yet passed (7 then 1 day by default), to the owner if a contact, and to the ISO officers.</li>
 * <li>Escalation: an item announced overdue (procedure-review.overdue, corrective-action.overdue, activity.overdue) and not
 * completed since is escalated on this service's own schedule: after 15 days to the agency head, after 30 to the
 * province's steering committee (of the province that continues it, once its province merged into another; corrective
 * actions also by the step their event reports). Mutes do not apply.</li>
 * </ul>
 */
@ApplicationScoped
public class DeadlineCheck {

    /**
     * The items of a check ({@code %1$s}: the rows, {@code %2$s}: the step, reminder offset or escalation step, {@code %3$s}:
     * which rows): the open reviews of one change of an agency due the same day are one item, as the change is one notice
     * to the agency (event.AgencyChangeNotices), listing them ({@code items}); any other due date is an item of its own.
     */
    static final String ITEMS = """
            , items as (
              select coalesce('change:' || r.agency_id || ':' || r.cause || ':' || r.due_date, r.key) as item, r.%2$s as step, r.agency_id,
                     r.due_date, min(r.kind) as kind, min(r.owner) as owner, array_agg(r.key order by r.key) as keys,
                     case when count(*) = 1 then min(r.title) else 'Rà soát ' || count(*) || ' quy trình theo ' || max(r.cause_summary) end as title,
                     case when count(*) = 1 then min(r.link)
                          else '/api/v1/review-tasks?agencyId=' || r.agency_id || '&causeId=' || max(r.cause_id) end as link,
                     case when count(*) = 1 then '{}'::jsonb else jsonb_build_object('items', jsonb_agg(jsonb_build_object('key', r.key,
                          'title', r.title, 'link', r.link) order by r.title, r.key)) end as list
              from %1$s r where %3$s
              group by 1, r.%2$s, r.agency_id, r.due_date
            )""";

    /** The review task a due date or an escalation is about, when it is one of a change told as a notice. */
    static final String CHANGE_OF = "left join review_notice_task t on t.task_id = case when %s.key like 'procedure-review:%%' then substr(%<s.key, 18) end";

    static final String REMINDERS = """
            with due as (
              select d.*, (select min(o) from unnest($1::int[]) o where d.due_date - $2::date <= o) as offset_days,
                     t.cause, t.cause_id, t.cause_summary
              from deadline d %s
              where d.closed_at is null and d.due_date >= $2::date
                -- only due dates within the longest reminder offset: an index range, not every open due date, each check
                and d.due_date <= $2::date + (select max(o) from unnest($1::int[]) o)
            )%s, ev as (
              insert into event_log (event_id, type, kind, agency_id, province_code, received_at, data, due_date, link)
              select 'reminder:' || i.item || ':' || i.step, $3, 'reminder', i.agency_id, a.province_code, $4,
                     jsonb_build_object('itemKind', i.kind, 'itemKey', i.item, 'title', i.title, 'dueDate', i.due_date,
                                        'daysLeft', i.due_date - $2::date, 'offsetDays', i.step, 'owner', i.owner,
                                        'link', i.link, 'agencyId', i.agency_id) || i.list,
                     i.due_date, i.link
              from items i left join agency_directory a on a.id = i.agency_id
              on conflict (event_id) do nothing
              returning event_id, agency_id, province_code, due_date, data
            ), targets as (
              select distinct on (ev.event_id, c.id, ch.channel) ev.event_id, ev.agency_id, ev.province_code, ev.due_date, c.id as contact_id,
                     c.subject, c.language, ch.channel,
                     case when c.subject = ev.data ->> 'owner' then 'OWNER' else 'ROLE:ISO_OFFICER' end as reason
              from ev join contact c on c.agency_id = ev.agency_id and (c.subject = ev.data ->> 'owner' or 'ISO_OFFICER' = any (c.roles))
              cross join unnest(array['INBOX', 'EMAIL']) as ch(channel)
              where (ch.channel <> 'EMAIL' or c.email is not null)
                and not exists (select 1 from channel_mute m where m.subject = c.subject and m.channel = ch.channel)
              order by ev.event_id, c.id, ch.channel, reason
            )
            insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                      due_date, created_at, delivery_status, next_attempt_at)
            select event_id, contact_id, subject, agency_id, province_code, channel, 'reminder', reason, 'NORMAL', language, due_date, $4,
                   case when channel = 'EMAIL' then 'PENDING' end, case when channel = 'EMAIL' then $4 end
            from targets
            on conflict do nothing""".formatted(CHANGE_OF.formatted("d"), ITEMS.formatted("due", "offset_days", "r.offset_days is not null"));

    static final String ESCALATIONS = """
            with steps(step, escalated_to) as (values ($1::int, 'HEAD'), ($2::int, 'STEERING_COMMITTEE')),
            reached as (
              select e.*, s.step, s.escalated_to, coalesce(p.successor_code, a.province_code) as province_code,
                     greatest($3::date - e.due_date, 0) as days_overdue, t.cause, t.cause_id, t.cause_summary
              from escalation e join steps s on greatest($3::date - e.due_date, e.reported_step) >= s.step
              left join agency_directory a on a.id = e.agency_id
              -- a province merged into another: the steering committee of the province that continues it
              left join province_succession p on p.code = a.province_code and p.effective_date <= $3::date
              %s
              where e.closed_at is null
            )%s, ev as (
              insert into event_log (event_id, type, kind, agency_id, province_code, received_at, data, due_date, link)
              select 'escalation:' || i.item || ':' || i.step, $4, 'escalation', i.agency_id, x.province_code, $5,
                     jsonb_build_object('itemKind', i.kind, 'itemKey', i.item, 'itemKeys', to_jsonb(i.keys), 'title', i.title,
                                        'dueDate', i.due_date, 'daysOverdue', x.days_overdue, 'step', i.step, 'escalatedTo', x.escalated_to,
                                        'owner', i.owner, 'link', i.link, 'agencyId', i.agency_id) || i.list,
                     i.due_date, i.link
              from items i cross join lateral (select r.province_code, r.escalated_to, max(greatest(r.days_overdue, r.step)) as days_overdue
                                               from reached r where r.key = any (i.keys) and r.step = i.step
                                               group by r.province_code, r.escalated_to limit 1) x
              on conflict (event_id) do nothing
              returning event_id, agency_id, province_code, due_date, data
            ), targets as (
              select distinct on (ev.event_id, c.id, ch.channel) ev.*, c.id as contact_id, c.subject, c.language, ch.channel
              from ev join contact c on case ev.data ->> 'escalatedTo'
                    when 'HEAD' then c.agency_id = ev.agency_id and 'HEAD' = any (c.roles)
                    else c.agency_id is null and c.province_code = ev.province_code end
              cross join unnest(array['INBOX', 'EMAIL']) as ch(channel)
              where ch.channel <> 'EMAIL' or c.email is not null
              order by ev.event_id, c.id, ch.channel
            ), n as (
              insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                        due_date, created_at, delivery_status, next_attempt_at)
              select event_id, contact_id, subject, agency_id, province_code, channel, 'escalation', 'ESCALATION:' || (data ->> 'step'), 'HIGH',
                     language, due_date, $5, case when channel = 'EMAIL' then 'PENDING' end, case when channel = 'EMAIL' then $5 end
              from targets
              on conflict do nothing
              returning 1
            )
            update escalation e set last_step = greatest(e.last_step, (ev.data ->> 'step')::int)
            from ev cross join lateral jsonb_array_elements_text(ev.data -> 'itemKeys') k(key)
            where e.key = k.key and (select count(*) from n) >= 0""".formatted(CHANGE_OF.formatted("e"), ITEMS.formatted("reached", "step", "true"));

    @Inject Pool pool;
    @Inject DeadlineConfig config;
    @Inject Clock clock;

    @Scheduled(every = "${govqms.deadlines.check-every}", delay = 3, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Sweeps.logged(run(), "deadline check");
    }

    /** One check: reminders, then escalations; returns how many of each were made. */
    public Uni<int[]> run() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer[] offsets = config.reminderDays().toArray(Integer[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery(REMINDERS)
                .execute(Tuple.of(offsets, today, EventKind.REMINDER.type(), now))
                .chain(reminders -> tx.preparedQuery(ESCALATIONS).execute(Tuple.from(new Object[] {config.headAfterDays(),
                                config.steeringCommitteeAfterDays(), today, EventKind.ESCALATION.type(), now}))
                        .map(escalations -> new int[] {reminders.rowCount(), escalations.rowCount()})))
                .invoke(counts -> {
                    if (counts[0] + counts[1] > 0) {
                        Log.infof("deadlines: %d reminder notifications, %d items escalated", counts[0], counts[1]);
                    }
                });
    }
}
