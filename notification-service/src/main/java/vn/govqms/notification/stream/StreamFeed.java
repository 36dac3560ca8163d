package vn.govqms.notification.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.notification.event.IntegrationView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one poller of this instance: each tick, one query reads what is new in the event log since the last tick (for every
 * agency), and the rows are handed in memory to the open streams whose scope admits them ({@link LiveStream.Watch#admits},
 * the kit's {@link AgencyFilter} decided when the stream opened). A stream that resumes with {@code Last-Event-ID} first
 * replays what it missed from the database (its own query, filtered by its scope, once), holding the feed's rows meanwhile,
 * then joins the feed. Bounds: streams per caller and per instance (429 with Retry-After); a client too slow to take its
 * items has its stream ended (it reconnects with Last-Event-ID and misses nothing).
 */
@ApplicationScoped
public class StreamFeed {

    /**
     * Rows after {@code $1} up to {@code $2}, settled ({@code received_at <= $3}), that notified someone or changed a score;
     * {@code %s}: the conditions of a replay (the feed itself reads every agency's).
     */
    static final String FACTS = """
            select e.seq, e.event_id, e.type, e.kind, e.agency_id, e.province_code, e.data::text as data, e.due_date, e.link,
                   e.received_at, x.name as agency_name, x.province_code as scope_province, x.root_id
            from event_log e left join agency_directory a on a.id = e.agency_id
            cross join lateral (select e.agency_id as id, coalesce(a.province_code, e.province_code) as province_code, a.root_id, a.name) x
            where e.seq > $1 and e.seq <= $2 and e.received_at <= $3
              and (e.kind = 'score.changed' or exists (select 1 from notification n where n.event_id = e.event_id and n.channel = 'INBOX'))
              %s
            order by e.seq limit $4""";

    static final String FEED = FACTS.formatted("");

    /** A replay narrows to the stream's agency ({@code $5}), its types ({@code $6}) and its scope ({@code %s} on {@code x}). */
    static final String REPLAY = FACTS.formatted("and ($5::uuid is null or e.agency_id = $5) and ($6::text[] is null or e.type = any ($6::text[])) and %s");

    private final Pool pool;
    private final StreamItems items;
    private final StreamConfig config;
    private final Clock clock;

    /** Guarded by {@code this}: the open streams, how many each caller holds, and the feed's position (null: not read yet). */
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    private final Map<String, Integer> perCaller = new HashMap<>();
    private int reserved;
    private Long cursor;

    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean stopped;
    private Vertx vertx;
    private long timer;

    public StreamFeed(Pool pool, StreamItems items, StreamConfig config, Clock clock, MeterRegistry meters) {
        this.pool = pool;
        this.items = items;
        this.config = config;
        this.clock = clock;
        meters.gauge("govqms.stream.open", this, StreamFeed::open);
        meters.more().counter("govqms.stream.polls", List.of(), polls);
    }

    /** The poller's clock: a Vert.x timer (the scheduler's intervals start at a second; the stream's is half of one). */
    void start(@Observes StartupEvent e, Vertx vertx) {
        timer = vertx.setPeriodic(config.pollEvery().toMillis(), id -> tick());
        this.vertx = vertx;
    }

    void stop(@Observes ShutdownEvent e) {
        stopped = true;
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Takes a place for a stream of {@code subject}, or refuses with 429: the caller's streams, then the instance's, are
     * bounded. The place is given back when the stream ends ({@link #open}).
     */
    public synchronized Runnable reserve(String subject) {
        int own = perCaller.getOrDefault(subject, 0);
        if (own >= config.maxPerCaller()) {
            throw ProblemException.tooManyRequests("too-many-streams", "You already hold " + own + " live streams open (at most "
                    + config.maxPerCaller() + "); close one, or retry later.", config.retryAfter());
        }
        if (reserved >= config.maxPerInstance()) {
            throw ProblemException.tooManyRequests("too-many-streams", "This instance holds as many live streams as it may ("
                    + config.maxPerInstance() + "); retry later.", config.retryAfter());
        }
        perCaller.merge(subject, 1, Integer::sum);
        reserved++;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release(subject);
            }
        };
    }

    private synchronized void release(String subject) {
        reserved--;
        perCaller.computeIfPresent(subject, (s, n) -> n > 1 ? n - 1 : null);
    }

    /** A stream of what {@code watch} admits after {@code after} (null: from now on); {@code place} is given back at its end. */
    public Multi<LiveStream.Item> open(LiveStream.Watch watch, Long after, Runnable place) {
        return Multi.createFrom().<LiveStream.Item>emitter(emitter -> {
                    Subscription s = new Subscription(watch, emitter);
                    emitter.onTermination(() -> remove(s));
                    position().subscribe().with(now -> join(s, after, now), emitter::fail);
                }, config.bufferPerStream())
                .onTermination().invoke(place);
    }

    /** Streams open on this instance now. */
    public synchronized int open() {
        return subscriptions.size();
    }

    /** Ticks of the poller so far, and the queries it ran (exposed for tests and the {@code govqms.stream.polls} counter). */
    public long ticks() {
        return ticks.get();
    }

    public long polls() {
        return polls.get();
    }

    void tick() {
        ticks.incrementAndGet();
        poll();
    }

    private void poll() {
        Long from;
        synchronized (this) {
            from = cursor;
            if (stopped || from == null || subscriptions.isEmpty() || !polling.compareAndSet(false, true)) {
                return;
            }
        }
        polls.incrementAndGet();
        pool.preparedQuery(FEED).execute(Tuple.of(from, Long.MAX_VALUE, settledBefore(), config.batchSize()))
                .subscribe().with(rows -> {
                    List<Fact> facts = new ArrayList<>();
                    for (Row r : rows) {
                        facts.add(Fact.of(r));
                    }
                    boolean full = facts.size() == config.batchSize();
                    try {
                        fanOut(from, facts);
                    } finally {
                        polling.set(false);
                    }
                    if (full) {
                        poll(); // behind (a national fan-out): read on without waiting for the next tick
                    }
                }, failure -> {
                    polling.set(false);
                    Log.warnf("live stream poll failed (retried next tick): %s", failure.getMessage());
                });
    }

    private synchronized void fanOut(long from, List<Fact> facts) {
        if (cursor == null || cursor != from) {
            return; // every stream closed meanwhile: the position is read again for the next one
        }
        Map<Fact, LiveStream.Item[]> rendered = new IdentityHashMap<>();
        for (Fact f : facts) {
            for (Subscription s : subscriptions) {
                if (s.watch.admits(f)) {
                    s.take(f, rendered.computeIfAbsent(f, x -> new LiveStream.Item[2]));
                }
            }
            cursor = f.seq();
        }
    }

    /** The feed's position: read once (the last settled row) when the first stream opens after none was open. */
    private Uni<Long> position() {
        synchronized (this) {
            if (cursor != null) {
                return Uni.createFrom().item(cursor);
            }
        }
        return pool.preparedQuery("select coalesce(max(seq), 0) from event_log where received_at <= $1").execute(Tuple.of(settledBefore()))
                .map(rows -> {
                    long settled = rows.iterator().next().getLong(0);
                    synchronized (this) {
                        if (cursor == null) {
                            cursor = settled;
                        }
                        return cursor;
                    }
                });
    }

    private void join(Subscription s, Long after, long position) {
        long now;
        long start;
        synchronized (this) {
            if (s.emitter.isCancelled()) {
                return;
            }
            // the feed may have moved on since its position was read: what it already handed out is replayed
            if (cursor == null) {
                cursor = position;
            }
            now = cursor;
            start = after == null ? now : after;
            s.delivered = start;
            s.replaying = start < now;
            subscriptions.add(s);
        }
        if (s.replaying) {
            replay(s, now);
        }
    }

    /** What a resumed stream missed up to the feed's position when it joined, from the database, page by page. */
    private void replay(Subscription s, long upTo) {
        List<Object> args = AgencyFilter.arguments(s.delivered, upTo, settledBefore(), config.batchSize(), s.watch.agencyId(),
                s.watch.integration() ? IntegrationView.deliveredTypes() : null);
        String sql = REPLAY.formatted(s.watch.rows().sqlAppending("x", args));
        pool.preparedQuery(sql).execute(Tuple.from(args)).subscribe().with(rows -> {
            int n = 0;
            for (Row r : rows) {
                n++;
                Fact f = Fact.of(r);
                s.emit(f, new LiveStream.Item[2]);
            }
            if (n == config.batchSize() && !s.emitter.isCancelled()) {
                replay(s, upTo);
            } else {
                caughtUp(s);
            }
        }, s.emitter::fail);
    }

    private synchronized void caughtUp(Subscription s) {
        for (Map.Entry<Fact, LiveStream.Item[]> held : s.held.entrySet()) {
            if (held.getKey().seq() > s.delivered) {
                s.emit(held.getKey(), held.getValue());
            }
        }
        s.held.clear();
        s.replaying = false;
    }

    private synchronized void remove(Subscription s) {
        subscriptions.remove(s);
        if (subscriptions.isEmpty()) {
            cursor = null; // nothing is read while no stream is open; the next one starts from the position of its time
        }
    }

    private OffsetDateTime settledBefore() {
        return OffsetDateTime.now(clock).minus(config.settle());
    }

    /** One open stream: what it admits, where it is, and (while it replays) the feed's rows it holds. */
    private final class Subscription {
        final LiveStream.Watch watch;
        final MultiEmitter<? super LiveStream.Item> emitter;
        final Map<Fact, LiveStream.Item[]> held = new LinkedHashMap<>();
        long delivered;
        boolean replaying;

        Subscription(LiveStream.Watch watch, MultiEmitter<? super LiveStream.Item> emitter) {
            this.watch = watch;
            this.emitter = emitter;
        }

        void take(Fact f, LiveStream.Item[] rendered) {
            if (replaying) {
                held.put(f, rendered);
            } else if (f.seq() > delivered) {
                emit(f, rendered);
            }
        }

        /** {@code rendered}: the item for a staff stream [0] and a one-stop-shop system's [1], made once per row. */
        void emit(Fact f, LiveStream.Item[] rendered) {
            int variant = watch.integration() ? 1 : 0;
            try {
                if (rendered[variant] == null) {
                    rendered[variant] = items.item(f, watch.integration());
                }
            } catch (RuntimeException e) {
                // a row that cannot be shown is passed over (logged), not retried forever by a stream that resumes on it
                Log.errorf(e, "live stream: row %d cannot be shown; passed over", f.seq());
                delivered = f.seq();
                return;
            }
            delivered = f.seq();
            emitter.emit(rendered[variant]);
        }
    }
}
