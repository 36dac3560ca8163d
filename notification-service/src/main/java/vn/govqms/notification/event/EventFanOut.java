package vn.govqms.notification.event;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.notification.event.EventFacts.Tracked;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Turns each event received into notifications, set-based: one statement logs the event, joins the rules in force for the
 * event's province with the contacts of its agency (or its province's steering committee), writes one notification per
 * recipient and channel ({@code on conflict do nothing}: a redelivery adds nothing), queues a webhook delivery per matching
 * subscription and records a due date for reminders. Overdue events open an escalation; completion events close it.
 * Delivery (e-mail, webhooks) happens later, from tables, never in the consumer's path.
 */
@ApplicationScoped
public class EventFanOut implements EventHandler {

    static final String FAN_OUT = """
            with ev as (
              insert into event_log (event_id, type, kind, agency_id, province_code, source, subject, occurred_at, received_at, data, due_date, link)
              values ($1, $2, $3, $4, coalesce((select province_code from agency_directory where id = $4), $5), $6, $7, $8, $9,
                      $10::text::jsonb, $11, $12)
              on conflict (event_id) do nothing
              returning event_id, type, kind, agency_id, province_code, due_date
            ), rules as (
              select r.* from notification_rule r join ev on r.event_type = ev.type
              where not $13::boolean and r.enabled
                and (r.province_code = ev.province_code or (r.province_code is null and not exists (
                     select 1 from notification_rule p where p.event_type = ev.type and p.province_code = ev.province_code)))
            ), targets as (
              select distinct on (c.id, ch.channel) c.id as contact_id, c.subject, c.language, c.digest, ch.channel, r.urgency,
                     case r.recipient_kind when 'AGENCY_ROLE' then 'ROLE:' || r.recipient_role when 'EVENT_OWNER' then 'OWNER'
                          else r.recipient_kind end as reason
              from rules r cross join ev
              join contact c on case r.recipient_kind
                    when 'AGENCY_ROLE' then c.agency_id = ev.agency_id and r.recipient_role = any (c.roles)
                    when 'EVENT_OWNER' then c.agency_id = ev.agency_id and c.subject = $14::text
                    when 'STEERING_COMMITTEE' then c.agency_id is null and c.province_code = ev.province_code
                    else c.id = r.contact_id end
              cross join lateral unnest(r.channels) as ch(channel)
              where (ch.channel <> 'EMAIL' or c.email is not null)
                and not exists (select 1 from channel_mute m where m.subject = c.subject and m.channel = ch.channel)
              order by c.id, ch.channel, case r.urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end,
                       case r.recipient_kind when 'EVENT_OWNER' then 0 when 'CONTACT' then 1 else 2 end
            ), n as (
              insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                        due_date, created_at, delivery_status, next_attempt_at)
              select ev.event_id, t.contact_id, t.subject, ev.agency_id, ev.province_code, t.channel, ev.kind, t.reason, t.urgency,
                     t.language, ev.due_date, $9,
                     case when t.channel = 'EMAIL' then case when t.digest and t.urgency = 'LOW' then 'DIGEST' else 'PENDING' end end,
                     case when t.channel = 'EMAIL' then $9 end
              from targets t cross join ev
              on conflict do nothing
              returning 1
            ), w as (
              insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
              select gen_random_uuid(), s.id, ev.event_id, 'PENDING', 0, $9, $9
              from ev join webhook_subscription s on s.active and ev.type = any (s.event_types)
                   and s.province_code = ev.province_code and (s.agency_id is null or s.agency_id = ev.agency_id)
              on conflict do nothing
              returning 1
            ), d as (
              insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
              select $15::text, ev.kind, ev.agency_id, $16::text, $17::date, $14::text, $12::text, $9 from ev
              where $15::text is not null and ev.agency_id is not null
              on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title
              returning 1
            ), e as (
              insert into escalation (key, kind, agency_id, title, due_date, owner, link, reported_step, created_at)
              select $18::text, ev.kind, ev.agency_id, $19::text, $20::date, $14::text, $12::text, $21::int, $9 from ev
              where $18::text is not null and ev.agency_id is not null
              on conflict (key) do update set reported_step = greatest(escalation.reported_step, excluded.reported_step),
                                              owner = coalesce(excluded.owner, escalation.owner)
              returning 1
            ), closed_deadlines as (
              update deadline set closed_at = $9 where key = any ($22::text[]) and closed_at is null and exists (select 1 from ev)
              returning 1
            ), closed_escalations as (
              update escalation set closed_at = $9 where key = any ($22::text[]) and closed_at is null and exists (select 1 from ev)
              returning 1
            )
            select (select count(*) from n), (select count(*) from w)""";

    /** The items of an approved activity plan, each with its planned date: due dates for reminders. */
    static final String PLAN_ITEMS = """
            insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
            select 'activity:' || (i ->> 'itemId'), 'activity', $1, coalesce(i ->> 'title', i ->> 'itemId'), (i ->> 'plannedDate')::date,
                   i ->> 'owner', $2, $3
            from jsonb_array_elements(coalesce($4::text::jsonb -> 'items', '[]'::jsonb)) i
            where i ->> 'itemId' is not null and i ->> 'plannedDate' is not null
            on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title""";

    private final Clock clock;

    public EventFanOut(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> eventTypes() {
        return EventKind.consumedTypes();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        EventKind kind = EventKind.ofType(event.type()).orElseThrow();
        EventFacts f = EventFacts.of(kind, event.data());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Tracked dl = f.deadline();
        Tracked esc = f.escalation();
        String data = event.data().toString();
        Tuple params = Tuple.from(new Object[] {event.id(), event.type(), kind.fact(), f.agencyId(), f.provinceCode(),
                event.source(), event.subject(), event.time(), now, data, f.dueDate(), f.link(), f.skipRules(), f.owner(),
                dl == null ? null : dl.key(), dl == null ? null : dl.title(), dl == null ? null : dl.dueDate(),
                esc == null ? null : esc.key(), esc == null ? null : esc.title(), esc == null ? null : esc.dueDate(),
                esc == null ? 0 : esc.reportedStep(), f.closes().toArray(new String[0])});
        Uni<Void> fanOut = tx.preparedQuery(FAN_OUT).execute(params).replaceWithVoid();
        if (kind == EventKind.ACTIVITY_PLAN_APPROVED) {
            return fanOut.chain(() -> tx.preparedQuery(PLAN_ITEMS).execute(Tuple.of(f.agencyId(), f.link(), now, data)))
                    .replaceWithVoid();
        }
        return fanOut;
    }
}
