package vn.govqms.notification.event;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns pending logged events into notifications, thousands at a time: joins the rules in force in each event's province
 * with the contacts of its agency (or the province's steering committee, or a named contact, or the event's owner), writes
 * one notification per event, recipient and channel ({@code on conflict do nothing}: nothing twice, whatever the
 * redeliveries), queues one webhook delivery per matching subscription, records due dates (reminders) and overdue items
 * (escalation), and closes them on completion events. Claimed with {@code skip locked}, in one transaction per batch, so
 * several instances share the work and a crash loses nothing.
 */
@ApplicationScoped
public class FanOut {

    static final String CLAIM = """
            update event_log set pending = false
            where seq in (select seq from event_log where pending order by seq limit $1 for update skip locked)
            returning seq""";

    static final String NOTIFY = """
            with ev as (
              select event_id, type, kind, agency_id, province_code, due_date, skip_rules, owner from event_log where seq = any ($1::bigint[])
            ), rules as (
              select ev.event_id, ev.agency_id, ev.province_code, ev.owner, r.recipient_kind, r.recipient_role, r.contact_id, r.channels, r.urgency
              from ev join notification_rule r on r.event_type = ev.type and r.enabled
              where not ev.skip_rules
                and (r.province_code = ev.province_code or (r.province_code is null and not exists (
                     select 1 from notification_rule p where p.event_type = ev.type and p.province_code = ev.province_code)))
            ), recipients as (
              select r.event_id, c.id, c.subject, c.language, c.digest, c.email, r.channels, r.urgency, 'ROLE:' || r.recipient_role as reason, 2 as rank
              from rules r join contact c on c.agency_id = r.agency_id and r.recipient_role = any (c.roles)
              where r.recipient_kind = 'AGENCY_ROLE'
              union all
              select r.event_id, c.id, c.subject, c.language, c.digest, c.email, r.channels, r.urgency, 'OWNER', 0
              from rules r join contact c on c.agency_id = r.agency_id and c.subject = r.owner
              where r.recipient_kind = 'EVENT_OWNER'
              union all
              select r.event_id, c.id, c.subject, c.language, c.digest, c.email, r.channels, r.urgency, 'STEERING_COMMITTEE', 1
              from rules r join contact c on c.agency_id is null and c.province_code = r.province_code
              where r.recipient_kind = 'STEERING_COMMITTEE'
              union all
              select r.event_id, c.id, c.subject, c.language, c.digest, c.email, r.channels, r.urgency, 'CONTACT', 1
              from rules r join contact c on c.id = r.contact_id
              where r.recipient_kind = 'CONTACT'
            ), targets as (
              select distinct on (t.event_id, t.id, ch.channel) t.event_id, t.id as contact_id, t.subject, t.language, t.digest, ch.channel,
                     t.urgency, t.reason
              from recipients t cross join lateral unnest(t.channels) as ch(channel)
              where (ch.channel <> 'EMAIL' or t.email is not null)
                and not exists (select 1 from channel_mute m where m.subject = t.subject and m.channel = ch.channel)
              order by t.event_id, t.id, ch.channel, case t.urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, t.rank
            ), n as (
              insert into notification (event_id, contact_id, subject, agency_id, province_code, channel, kind, reason, urgency, language,
                                        due_date, created_at, delivery_status, next_attempt_at)
              select ev.event_id, t.contact_id, t.subject, ev.agency_id, ev.province_code, t.channel, ev.kind, t.reason, t.urgency,
                     t.language, ev.due_date, $2::timestamptz,
                     case when t.channel = 'EMAIL' then case when t.digest and t.urgency = 'LOW' then 'DIGEST' else 'PENDING' end end,
                     case when t.channel = 'EMAIL' then $2::timestamptz end
              from targets t join ev on ev.event_id = t.event_id
              on conflict do nothing
              returning 1
            ), w as (
              insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
              select gen_random_uuid(), s.id, ev.event_id, 'PENDING', 0, $2::timestamptz, $2::timestamptz
              from ev join webhook_subscription s on s.active and ev.type = any (s.event_types)
                   and s.province_code = ev.province_code and (s.agency_id is null or s.agency_id = ev.agency_id)
              on conflict do nothing
              returning 1
            )
            select (select count(*) from n), (select count(*) from w)""";

    static final String DEADLINES = """
            insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
            select distinct on (deadline_key) deadline_key, kind, agency_id, deadline_title, deadline_due, owner, link, $2::timestamptz
            from event_log where seq = any ($1::bigint[]) and deadline_key is not null and agency_id is not null
            order by deadline_key, seq desc
            on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title""";

    static final String PLAN_ITEMS = """
            insert into deadline (key, kind, agency_id, title, due_date, owner, link, created_at)
            select distinct on (i ->> 'itemId') 'activity:' || (i ->> 'itemId'), 'activity', e.agency_id, coalesce(i ->> 'title', i ->> 'itemId'),
                   (i ->> 'plannedDate')::date, i ->> 'owner', e.link, $2::timestamptz
            from event_log e cross join lateral jsonb_array_elements(coalesce(e.data -> 'items', '[]'::jsonb)) i
            where e.seq = any ($1::bigint[]) and e.plan_items and e.agency_id is not null
              and i ->> 'itemId' is not null and i ->> 'plannedDate' is not null
            order by i ->> 'itemId', e.seq desc
            on conflict (key) do update set due_date = excluded.due_date, owner = excluded.owner, title = excluded.title""";

    static final String ESCALATIONS = """
            insert into escalation (key, kind, agency_id, title, due_date, owner, link, reported_step, created_at)
            select distinct on (escalation_key) escalation_key, kind, agency_id, escalation_title, escalation_due, owner, link, reported_step, $2::timestamptz
            from event_log where seq = any ($1::bigint[]) and escalation_key is not null and agency_id is not null
            order by escalation_key, reported_step desc, seq desc
            on conflict (key) do update set reported_step = greatest(escalation.reported_step, excluded.reported_step),
                                            owner = coalesce(excluded.owner, escalation.owner)""";

    static final String CLOSES = """
            with k as (select distinct unnest(closes) as key from event_log where seq = any ($1::bigint[])),
            d as (update deadline set closed_at = $2::timestamptz where key in (select key from k) and closed_at is null returning 1)
            update escalation set closed_at = $2::timestamptz where key in (select key from k) and closed_at is null""";

    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final int batchSize;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private long timer = -1;

    public FanOut(Pool pool, Vertx vertx, Clock clock, @ConfigProperty(name = "govqms.fan-out.batch-size", defaultValue = "5000") int batchSize,
                  @ConfigProperty(name = "govqms.fan-out.every", defaultValue = "200ms") Duration every) {
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.batchSize = batchSize;
        this.every = every;
    }

    void start(@Observes StartupEvent e) {
        timer = vertx.setPeriodic(every.toMillis(), id -> wake());
    }

    void stop(@Observes ShutdownEvent e) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs batches until no event is pending. */
    public void wake() {
        again.set(true);
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        batch().subscribe().with(n -> {
            running.set(false);
            if (n >= batchSize || again.get() && n > 0) {
                wake();
            }
        }, failure -> {
            running.set(false);
            if (!stopped) {
                Log.warnf("fan-out failed (retried at the next tick): %s", failure.getMessage());
            }
        });
    }

    /** One batch in one transaction; returns how many events it fanned out. */
    public Uni<Integer> batch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        long[] t = new long[2];
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(batchSize)).chain(rows -> {
            List<Long> seqs = new ArrayList<>();
            for (Row r : rows) {
                seqs.add(r.getLong(0));
            }
            if (seqs.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Tuple args = Tuple.of(seqs.toArray(Long[]::new), now);
            t[0] = System.nanoTime();
            return run(tx, NOTIFY, args).invoke(() -> t[1] = System.nanoTime())
                    .chain(() -> run(tx, DEADLINES, args)).chain(() -> run(tx, PLAN_ITEMS, args))
                    .chain(() -> run(tx, ESCALATIONS, args)).chain(() -> run(tx, CLOSES, args))
                    .invoke(() -> Log.debugf("fan-out: %d events; claim %d ms, notifications %d ms, due dates and escalations %d ms",
                            seqs.size(), (t[0] - t0) / 1_000_000, (t[1] - t[0]) / 1_000_000, (System.nanoTime() - t[1]) / 1_000_000))
                    .replaceWith(seqs.size());
        }));
    }

    private static Uni<Void> run(SqlConnection tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).replaceWithVoid();
    }
}
