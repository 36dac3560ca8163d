package vn.govqms.kit.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The changes of one feed after a token, in one statement (one snapshot): the rows the caller may read now, by
 * (updated_at, id), merged with the tombstones ({@code sync_tombstone}) of rows that left the caller's reach, except those
 * the caller can read again. A feature's service names its feed in one call: {@link #ofAgencies} for rows that belong to
 * an agency, {@link #ofCaller} for rows that name the caller; the service gives the loader of its items by id.
 */
@ApplicationScoped
public class SyncFeed {

    @Inject Pool pool;
    @Inject Scope scope;
    @Inject Caller caller;

    /**
     * The feed of a table whose rows belong to an agency ({@code id}, {@code agency_id}, {@code updated_at}): the rows of
     * the agencies the caller reads ({@code agencyTable}: the service's agency table or the kit's {@code agency_directory});
     * a tombstone is for a caller who read the agency the row left.
     */
    public <T> Uni<Changes<T>> ofAgencies(String feed, String table, String agencyTable, SyncParams params,
                                          Function<List<String>, Uni<Map<String, T>>> items) {
        return changes(byAgency(feed, table, agencyTable, scope.rows()), params, items);
    }

    /**
     * The feed of the rows that name the caller: {@code live} selects {@code <id>::text as id, <updated_at> as at} of
     * those whose subject is {@code $1} (the caller's); a tombstone is for the subject it names (the trigger's
     * {@code subject}). A token whose role lacks its agency claim is refused, as on every list.
     */
    public <T> Uni<Changes<T>> ofCaller(String feed, String live, SyncParams params, Function<List<String>, Uni<Map<String, T>>> items) {
        scope.rows(); // refuses a token whose role lacks its agency claim, as every list does
        return changes(new Query(feed, live, "t.subject = $1", List.of(caller.subject())), params, items);
    }

    /**
     * @param feed       the tombstones' feed name (the trigger's argument)
     * @param live       {@code select <id>::text as id, <updated_at> as at from ... where <visible>}, placeholders $1..$n
     * @param tombstones a condition on {@code t} (a sync_tombstone row) saying the caller may learn of it, same placeholders
     * @param args       the values of $1..$n
     */
    record Query(String feed, String live, String tombstones, List<Object> args) {
    }

    /** A change found: the item's id, when, and whether it is a tombstone. */
    record Key(String id, OffsetDateTime at, boolean deleted) {
    }

    /** The query of {@link #ofAgencies} for the agencies {@code rows} admits. */
    static Query byAgency(String feed, String table, String agencyTable, AgencyFilter rows) {
        List<Object> args = AgencyFilter.arguments();
        String visible = rows.sqlAppending("a", args);
        return new Query(feed, "select x.id::text as id, x.updated_at as at from " + table + " x join " + agencyTable
                + " a on a.id = x.agency_id where " + visible,
                "t.agency_id in (select a.id from " + agencyTable + " a where " + visible + ")", args);
    }

    /** The answer in one go: the keys after the token, the items of the live ones ({@code items}, by id), the page. */
    <T> Uni<Changes<T>> changes(Query q, SyncParams params, Function<List<String>, Uni<Map<String, T>>> items) {
        SyncToken since = params.token();
        int limit = params.limit();
        return keys(q, since, limit).chain(keys -> items.apply(liveIds(keys)).map(found -> page(keys, found, since, limit)));
    }

    private Uni<List<Key>> keys(Query q, SyncToken since, int limit) {
        SyncToken from = since == null ? SyncToken.START : since;
        List<Object> args = new ArrayList<>(q.args());
        int n = args.size();
        args.add(q.feed());
        args.add(from.at());
        args.add(from.id());
        args.add(since != null);
        args.add(limit + 1);
        String sql = "with live as not materialized (" + q.live() + ") "
                + "select c.id, c.at, c.deleted from ("
                + "select l.id, l.at, false as deleted from live l "
                + "union all "
                + "select t.id, t.at, true from sync_tombstone t where t.feed = $" + (n + 1) + " and $" + (n + 4) + "::boolean and ("
                + q.tombstones() + ") and not exists (select 1 from live v where v.id = t.id)"
                + ") c where (c.at, c.id) > ($" + (n + 2) + ", $" + (n + 3) + ") "
                + "order by c.at, c.id, c.deleted limit $" + (n + 5);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<Key> keys = new ArrayList<>();
            for (Row r : rows) {
                keys.add(new Key(r.getString("id"), r.getOffsetDateTime("at"), r.getBoolean("deleted")));
            }
            return keys;
        });
    }

    /** The ids of the live changes among {@code keys} (for loading their items). */
    static List<String> liveIds(List<Key> keys) {
        return keys.stream().filter(k -> !k.deleted()).map(Key::id).toList();
    }

    /**
     * The answer: at most {@code limit} changes, the items taken from {@code items} by id (a live key whose item vanished
     * since is left out: its tombstone follows), and the token after the last one.
     */
    static <T> Changes<T> page(List<Key> keys, Map<String, T> items, SyncToken since, int limit) {
        List<Key> taken = keys.size() > limit ? keys.subList(0, limit) : keys;
        List<Change<T>> changes = new ArrayList<>();
        for (Key k : taken) {
            if (k.deleted()) {
                changes.add(Change.tombstone(k.id(), k.at()));
            } else if (items.containsKey(k.id())) {
                changes.add(Change.of(k.id(), k.at(), items.get(k.id())));
            }
        }
        SyncToken next = taken.isEmpty() ? (since == null ? SyncToken.START : since)
                : new SyncToken(taken.get(taken.size() - 1).at(), taken.get(taken.size() - 1).id());
        return new Changes<>(changes, next.encode(), keys.size() > limit);
    }
}
