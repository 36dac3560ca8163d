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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.notification.Scopes;
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
 * The live stream of an agency or a province: every event that notified someone there, and every score change, in the
 * order received ({@code seq} of the event log, the SSE id). A client that reconnects with {@code Last-Event-ID} gets what
 * it missed; rows are streamed once they are {@code settle} old, so that a transaction committing late cannot leave a gap.
 */
@ApplicationScoped
public class LiveStream {

    public record Item(long seq, String kind, String json) {
    }

    /** Whose stream: one agency (agency roles, or a province role narrowing) or a whole province. */
    public record Scope(UUID agencyId, String provinceCode) {
    }

    static final String NEXT = """
            select e.seq, e.event_id, e.type, e.kind, e.agency_id, e.province_code, e.data::text as data, e.due_date, e.link,
                   e.received_at, a.name as agency_name
            from event_log e left join agency_directory a on a.id = e.agency_id
            where e.seq > $1 and e.received_at <= $2
              and ($3::uuid is null or e.agency_id = $3) and ($4::text is null or e.province_code = $4)
              and (e.kind = 'score.changed' or exists (select 1 from notification n where n.event_id = e.event_id and n.channel = 'INBOX'))
            order by e.seq limit 200""";

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration settle;

    public LiveStream(Pool pool, ObjectMapper json, Clock clock,
                      @ConfigProperty(name = "govqms.stream.poll-every", defaultValue = "500ms") Duration pollEvery,
                      @ConfigProperty(name = "govqms.stream.settle", defaultValue = "2s") Duration settle) {
        this.pool = pool;
        this.json = json;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.settle = settle;
    }

    /** The scope the caller may watch, decided from its token (no lookup, so refusals come before the stream opens). */
    public static Scope scope(Caller caller, UUID agencyId) {
        String province = Scopes.province(caller);
        if (caller.hasProvinceScope()) {
            return new Scope(agencyId, province); // an agency outside the province matches no row
        }
        UUID own = Scopes.ownAgency(caller);
        if (agencyId != null && !agencyId.equals(own)) {
            throw ProblemException.forbidden("Your token gives access to agency " + own + " only.");
        }
        return new Scope(own, province);
    }

    public Multi<Item> open(Scope scope, String lastEventId) {
        Uni<Long> start;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                start = Uni.createFrom().item(Long.parseLong(lastEventId.trim()));
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("Last-Event-ID", "an id sent by this stream (a whole number)");
            }
        } else {
            start = pool.query("select coalesce(max(seq), 0) from event_log").execute().map(r -> r.iterator().next().getLong(0));
        }
        return start.onItem().transformToMulti(from -> {
            AtomicLong last = new AtomicLong(from);
            return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(pollEvery)
                    .onOverflow().drop()
                    .onItem().transformToUniAndConcatenate(tick -> next(scope, last))
                    .onItem().transformToIterable(items -> items);
        });
    }

    private Uni<List<Item>> next(Scope scope, AtomicLong last) {
        OffsetDateTime settled = OffsetDateTime.now(clock).minus(settle);
        return pool.preparedQuery(NEXT).execute(Tuple.of(last.get(), settled, scope.agencyId(), scope.provinceCode())).map(rows -> {
            List<Item> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(item(r));
                last.set(r.getLong("seq"));
            }
            return items;
        });
    }

    private Item item(Row r) {
        try {
            JsonNode data = json.readTree(r.getString("data"));
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
