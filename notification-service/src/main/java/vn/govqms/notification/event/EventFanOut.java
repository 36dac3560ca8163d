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
import java.util.List;
import java.util.Set;

/**
 * Logs each event received, in the consumer's transaction, with what the fan-out needs (due date, owner, escalation,
 * what it closes); {@link FanOut} then turns the pending events into notifications, set-based. Delivery (e-mail,
 * webhooks) happens later still, from tables, never in the consumer's path.
 */
@ApplicationScoped
public class EventFanOut implements EventHandler {

    static final String LOG = """
            insert into event_log (event_id, type, kind, agency_id, province_code, source, subject, occurred_at, received_at, data, due_date,
                                   link, pending, skip_rules, owner, deadline_key, deadline_title, deadline_due, escalation_key,
                                   escalation_title, escalation_due, reported_step, closes, plan_items)
            values ($1, $2, $3, $4, coalesce((select province_code from agency_directory where id = $4), $5), $6, $7, $8, $9,
                    $10::text::jsonb, $11, $12, true, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            on conflict (event_id) do nothing""";

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
        return tx.preparedQuery(LOG).execute(params(event, OffsetDateTime.now(clock))).replaceWithVoid();
    }

    /** A polled batch in one pipelined round of inserts rather than one round trip per event. */
    @Override
    public Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Tuple> batch = events.stream().map(e -> params(e, now)).toList();
        return tx.preparedQuery(LOG).executeBatch(batch).replaceWithVoid();
    }

    private static Tuple params(ReceivedEvent event, OffsetDateTime now) {
        EventKind kind = EventKind.ofType(event.type()).orElseThrow();
        EventFacts f = EventFacts.of(kind, event.data());
        Tracked dl = f.deadline();
        Tracked esc = f.escalation();
        String data = event.data().toString();
        return Tuple.from(new Object[] {event.id(), event.type(), kind.fact(), f.agencyId(), f.provinceCode(),
                event.source(), event.subject(), event.time(), now, data, f.dueDate(), f.link(), f.skipRules(), f.owner(),
                dl == null ? null : dl.key(), dl == null ? null : dl.title(), dl == null ? null : dl.dueDate(),
                esc == null ? null : esc.key(), esc == null ? null : esc.title(), esc == null ? null : esc.dueDate(),
                esc == null ? 0 : esc.reportedStep(), f.closes().toArray(new String[0]), kind == EventKind.ACTIVITY_PLAN_APPROVED});
    }
}
