package vn.govqms.notification.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Scope;
import vn.govqms.notification.agency.Agencies;
import vn.govqms.notification.event.IntegrationView;
import vn.govqms.notification.inbox.NotificationText;
import vn.govqms.notification.inbox.NotificationTexts;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live stream of the agencies a caller reads ({@link Scope#rows()}: one agency, a ministry's units, a province, every
 * agency), or of one of them: every event that notified someone there, and every score change, in the order received
 * ({@code seq} of the event log, the SSE id). A one-stop-shop system receives only the types and fields its REST reads allow
 * ({@link IntegrationView}). A client that reconnects with {@code Last-Event-ID} gets what it missed; rows are streamed once
 * they are {@code settle} old, so that a transaction committing late cannot leave a gap.
 */
@ApplicationScoped
public class LiveStream {

    public record Item(long seq, String kind, String json) {
    }

    /**
     * What a stream shows: the agencies the caller lists, narrowed to one or not; {@code integration}: only what a one-stop-shop
     * system receives.
     */
    public record Watch(AgencyFilter rows, UUID agencyId, boolean integration) {
    }

    /**
     * The next rows of a stream; {@code %s} is the caller's list filter on {@code x}, the event's agency (an event of no agency,
     * such as an inspection campaign, counts as its province's).
     */
    static final String NEXT = """
            select e.seq, e.event_id, e.type, e.kind, e.agency_id, e.province_code, e.data::text as data, e.due_date, e.link,
                   e.received_at, x.name as agency_name
            from event_log e left join agency_directory a on a.id = e.agency_id
            cross join lateral (select e.agency_id as id, coalesce(a.province_code, e.province_code) as province_code, a.root_id, a.name) x
            where e.seq > $1 and e.received_at <= $2
              and ($3::uuid is null or e.agency_id = $3) and ($4::text[] is null or e.type = any ($4::text[]))
              and (e.kind = 'score.changed' or exists (select 1 from notification n where n.event_id = e.event_id and n.channel = 'INBOX'))
              and %s
            order by e.seq limit 200""";

    private final Pool pool;
    private final Agencies agencies;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration settle;

    public LiveStream(Pool pool, Agencies agencies, ObjectMapper json, Clock clock, StreamConfig config) {
        this.pool = pool;
        this.agencies = agencies;
        this.json = json;
        this.clock = clock;
        this.pollEvery = config.pollEvery();
        this.settle = config.settle();
    }

    /**
     * What the caller may watch: the agencies {@link Scope#rows()} lets it list, or one of them it reads (403 otherwise, 422
     * unknown); refusals come before the stream opens.
     */
    public Uni<Watch> watch(Scope scope, UUID agencyId) {
        AgencyFilter rows = scope.rows();
        boolean integration = scope.level() == Scope.Level.INTEGRATION;
        if (agencyId == null) {
            return Uni.createFrom().item(new Watch(rows, null, integration));
        }
        return agencies.named("agencyId", agencyId).map(ref -> {
            scope.requireRead(ref);
            return new Watch(rows, agencyId, integration);
        });
    }

    /** The sequence after which a stream starts: the client's {@code Last-Event-ID}, else now. */
    public static Long after(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("Last-Event-ID", "an id sent by this stream (a whole number)");
        }
    }

    public Multi<Item> open(Watch watch, Long after) {
        Uni<Long> start = after != null ? Uni.createFrom().item(after)
                : pool.query("select coalesce(max(seq), 0) from event_log").execute().map(r -> r.iterator().next().getLong(0));
        List<Object> args = AgencyFilter.arguments(null, null, watch.agencyId(), watch.integration() ? IntegrationView.deliveredTypes() : null);
        String sql = NEXT.formatted(watch.rows().sqlAppending("x", args));
        return start.onItem().transformToMulti(from -> {
            AtomicLong last = new AtomicLong(from);
            return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(pollEvery)
                    .onOverflow().drop()
                    .onItem().transformToUniAndConcatenate(tick -> next(sql, args, watch, last))
                    .onItem().transformToIterable(items -> items);
        });
    }

    private Uni<List<Item>> next(String sql, List<Object> args, Watch watch, AtomicLong last) {
        List<Object> values = new ArrayList<>(args);
        values.set(0, last.get());
        values.set(1, OffsetDateTime.now(clock).minus(settle));
        return pool.preparedQuery(sql).execute(Tuple.from(values)).map(rows -> {
            List<Item> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(item(r, watch.integration()));
                last.set(r.getLong("seq"));
            }
            return items;
        });
    }

    private Item item(Row r, boolean integration) {
        try {
            JsonNode stored = json.readTree(r.getString("data"));
            // a one-stop-shop system's stream shows only the fields its REST reads allow, its texts made of those alone
            JsonNode data = integration ? IntegrationView.project(r.getString("type"), stored).orElseThrow() : stored;
            String kind = r.getString("kind");
            NotificationText text = NotificationTexts.render(kind, "vi", "CONTACT", data, r.getString("agency_name"), r.getLocalDate("due_date"));
            ObjectNode out = json.createObjectNode();
            out.put("seq", r.getLong("seq"));
            out.put("eventId", r.getString("event_id"));
            out.put("type", r.getString("type"));
            out.put("kind", kind);
            out.put("agencyId", r.getUUID("agency_id") == null ? null : r.getUUID("agency_id").toString());
            out.put("agencyName", r.getString("agency_name"));
            out.put("provinceCode", r.getString("province_code"));
            out.put("title", text.title());
            out.put("happened", text.happened());
            out.put("action", text.action());
            out.put("dueDate", r.getLocalDate("due_date") == null ? null : r.getLocalDate("due_date").toString());
            out.put("link", r.getString("link"));
            out.put("receivedAt", r.getOffsetDateTime("received_at").toString());
            out.set("data", data);
            return new Item(r.getLong("seq"), kind, json.writeValueAsString(out));
        } catch (Exception e) {
            throw new IllegalStateException("stream item " + r.getLong("seq") + ": " + e.getMessage(), e);
        }
    }
}
