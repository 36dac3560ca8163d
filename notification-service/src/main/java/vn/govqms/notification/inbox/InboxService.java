package vn.govqms.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncParams;
import vn.govqms.notification.agency.AgencyLookup;
import vn.govqms.notification.event.EventKind;
import vn.govqms.notification.inbox.InboxDtos.MarkedRead;
import vn.govqms.notification.inbox.InboxDtos.Notice;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;
import vn.govqms.notification.inbox.InboxDtos.UnreadCount;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox: a person's notifications (token subject), or an agency's for its head and ISO officer and the steering
 * committees (and the national level) that read the agency; unread first, newest first.
 */
@ApplicationScoped
public class InboxService {

    static final String COLUMNS = """
            n.id, n.event_id, e.type, n.kind, n.agency_id, a.name as agency_name, n.subject, n.reason, n.urgency, n.language,
            e.data::text as data, e.link, n.due_date, n.created_at, n.read_at
            from notification n join event_log e on e.event_id = n.event_id left join agency_directory a on a.id = n.agency_id""";

    @Inject Pool pool;
    @Inject AgencyLookup agencies;
    @Inject Scope scope;
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject SyncFeed feeds;

    public record Filter(UUID agencyId, String kind, LocalDate from, LocalDate to, Boolean unread) {
    }

    public Uni<Page<NotificationView>> list(Filter f, PageRequest page, Caller caller) {
        return where(f, caller).chain(w -> {
            String where = String.join(" and ", w.clauses);
            List<Object> args = new ArrayList<>(w.args);
            args.add(page.size());
            args.add(page.offset());
            int n = w.args.size();
            String sql = "select " + COLUMNS + " where " + where + " order by (n.read_at is null) desc, n.id desc limit $" + (n + 1)
                    + " offset $" + (n + 2);
            return pool.preparedQuery(sql).execute(Tuple.from(args)).chain(rows -> {
                List<NotificationView> items = new ArrayList<>();
                for (Row r : rows) {
                    items.add(view(r));
                }
                return pool.preparedQuery("select count(*) from notification n where " + where).execute(Tuple.from(w.args))
                        .map(c -> Page.of(items, page, c.iterator().next().getLong(0)));
            });
        });
    }

    public Uni<UnreadCount> unread(UUID agencyId, Caller caller) {
        return where(new Filter(agencyId, null, null, null, true), caller).chain(w -> pool.preparedQuery(
                "select count(*) from notification n where " + String.join(" and ", w.clauses)).execute(Tuple.from(w.args)))
                .map(rows -> new UnreadCount(rows.iterator().next().getLong(0)));
    }

    public Uni<NotificationView> get(long id, Caller caller) {
        scope.rows();
        return pool.preparedQuery("select " + COLUMNS + " where n.id = $1 and n.channel = 'INBOX'").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("notification", id);
            }
            Row r = rows.iterator().next();
            if (caller.subject().equals(r.getString("subject"))) {
                return Uni.createFrom().item(view(r));
            }
            UUID agency = r.getUUID("agency_id");
            if (agency == null) {
                throw ProblemException.notFound("notification", id);
            }
            return agencyReader(agency, caller).map(x -> view(r));
        });
    }

    /**
     * The notifications feed of an officer's app: the caller's own inbox notifications (token subject) changed since a token
     * (new ones, read marks); a deleted one is a tombstone (trigger on notification).
     */
    public Uni<Changes<NotificationView>> changes(SyncParams params) {
        return feeds.ofCaller("notifications",
                "select n.id::text as id, n.updated_at as at from notification n where n.channel = 'INBOX' and n.subject = $1",
                params, ids -> viewsOf(ids.stream().map(Long::valueOf).toList()));
    }

    /** The views of these inbox notifications, by id (for the sync feed, which chose the caller's own). */
    public Uni<Map<String, NotificationView>> viewsOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select " + COLUMNS + " where n.id = any($1) and n.channel = 'INBOX'")
                .execute(Tuple.of(ids.toArray(new Long[0]))).map(rows -> {
                    Map<String, NotificationView> views = new HashMap<>();
                    for (Row r : rows) {
                        views.put(Long.toString(r.getLong("id")), view(r));
                    }
                    return views;
                });
    }

    /** Marks one of the caller's own notifications read (idempotent). */
    public Uni<NotificationView> markRead(long id, Caller caller) {
        scope.rows();
        return pool.preparedQuery("update notification set read_at = coalesce(read_at, $3) where id = $1 and subject = $2 and channel = 'INBOX' "
                        + "returning id").execute(Tuple.of(id, caller.subject(), OffsetDateTime.now(clock)))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return pool.preparedQuery("select 1 from notification where id = $1 and channel = 'INBOX'").execute(Tuple.of(id))
                                .map(found -> {
                                    if (found.size() == 0) {
                                        throw ProblemException.notFound("notification", id);
                                    }
                                    throw ProblemException.forbidden("Only its reader marks a notification read.");
                                });
                    }
                    return get(id, caller);
                });
    }

    /** Marks all of the caller's own unread notifications read, or those of a kind. */
    public Uni<MarkedRead> markAllRead(String kind, Caller caller) {
        checkKind(kind);
        scope.rows();
        return pool.preparedQuery("update notification set read_at = $2 where subject = $1 and channel = 'INBOX' and read_at is null "
                        + "and ($3::text is null or kind = $3)").execute(Tuple.of(caller.subject(), OffsetDateTime.now(clock), kind))
                .map(rows -> new MarkedRead(rows.rowCount()));
    }

    private record Where(List<String> clauses, List<Object> args) {
        String next(Object value) {
            args.add(value);
            return "$" + args.size();
        }
    }

    private Uni<Where> where(Filter f, Caller caller) {
        checkKind(f.kind());
        scope.rows(); // a token whose role lacks its claim is refused, naming the claim, even for one's own inbox
        Where w = new Where(new ArrayList<>(), new ArrayList<>());
        w.clauses.add("n.channel = 'INBOX'");
        Uni<Void> check = Uni.createFrom().voidItem();
        if (f.agencyId() != null) {
            check = agencyReader(f.agencyId(), caller);
            w.clauses.add("n.agency_id = " + w.next(f.agencyId()));
        } else {
            w.clauses.add("n.subject = " + w.next(caller.subject()));
        }
        if (f.kind() != null) {
            w.clauses.add("n.kind = " + w.next(f.kind()));
        }
        if (f.from() != null) {
            w.clauses.add("n.created_at >= " + w.next(f.from().atStartOfDay(clock.getZone()).toOffsetDateTime()));
        }
        if (f.to() != null) {
            w.clauses.add("n.created_at < " + w.next(f.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()));
        }
        if (Boolean.TRUE.equals(f.unread())) {
            w.clauses.add("n.read_at is null");
        } else if (Boolean.FALSE.equals(f.unread())) {
            w.clauses.add("n.read_at is not null");
        }
        return check.map(x -> w);
    }

    /** An agency's notifications: {@link InboxPolicy} says who, {@link Scope} which agencies. */
    private Uni<Void> agencyReader(UUID agencyId, Caller caller) {
        InboxPolicy.requireAgencyReader(caller);
        return agencies.named("agencyId", agencyId).invoke(scope::requireRead).replaceWithVoid();
    }

    private static void checkKind(String kind) {
        if (kind != null && EventKind.ofFact(kind).isEmpty()) {
            throw ProblemException.invalidField("kind", "not a kind of notification (e.g. procedure-review.required, finding.raised, reminder)");
        }
    }

    NotificationView view(Row r) {
        JsonNode data;
        try {
            data = json.readTree(r.getString("data"));
        } catch (Exception e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
        String kind = r.getString("kind");
        LocalDate due = r.getLocalDate("due_date");
        NotificationText text = NotificationTexts.render(kind, r.getString("language"), r.getString("reason"), data,
                r.getString("agency_name"), due);
        String type = r.getString("type");
        OffsetDateTime readAt = r.getOffsetDateTime("read_at");
        return new NotificationView(r.getLong("id"), r.getString("event_id"), type, kind, r.getUUID("agency_id"),
                r.getString("agency_name"), r.getString("subject"), r.getString("reason"), r.getString("urgency"),
                r.getString("language"), text, r.getString("link"), linkService(type, data), due, r.getOffsetDateTime("created_at"),
                readAt, readAt != null, notice(data.get("notice")));
    }

    private Notice notice(JsonNode notice) {
        if (notice == null || !notice.isObject()) {
            return null;
        }
        try {
            return json.treeToValue(notice, Notice.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored notice is not readable", e);
        }
    }

    static String linkService(String type, JsonNode data) {
        String service = type.startsWith("vn.govqms.") ? type.substring(10, type.indexOf('.', 10)) : null;
        if ("notification".equals(service)) {
            JsonNode item = data.get("itemKind");
            String k = item == null ? "" : item.asText();
            // reminders and escalations name the item they are about; a training flag links to this service's contacts
            service = k.startsWith("procedure-review") ? "document" : k.isEmpty() ? "notification" : "audit";
        }
        return service == null ? null : service + "-service";
    }
}
