package vn.govqms.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers webhooks from the delivery table, away from event consumption: claims due deliveries (never more in flight per
 * subscription than configured, so a slow or dead receiver holds up only itself), POSTs each event as JSON with its
 * CloudEvents attributes, signed the Standard Webhooks way, and records every attempt. A failure or timeout is retried with
 * exponential back-off and jitter; after the last attempt the delivery is dead (DEAD), until replayed.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String CLAIM = """
            with busy as (select * from unnest($3::uuid[], $4::int[]) as b(subscription_id, inflight)),
            candidates as (
              select d.id from webhook_subscription s
              left join busy b on b.subscription_id = s.id
              cross join lateral (
                select d.id from webhook_delivery d
                where d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <= $1
                order by d.next_attempt_at limit greatest($5 - coalesce(b.inflight, 0), 0)) d
              where s.active
              limit $2),
            claimed as (
              update webhook_delivery w set next_attempt_at = $1 + $6 * interval '1 millisecond', attempts = w.attempts + 1
              from candidates c where w.id = c.id and w.status = 'PENDING' and w.next_attempt_at <= $1
              returning w.id, w.subscription_id, w.event_id, w.attempts)
            select c.id, c.subscription_id, c.event_id, c.attempts, s.url, s.secret, e.type, e.source, e.subject, e.occurred_at,
                   e.data::text as data
            from claimed c join webhook_subscription s on s.id = c.subscription_id join event_log e on e.event_id = c.event_id""";

    static final String RESULT = """
            with d as (update webhook_delivery set status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5,
                              last_latency_ms = $6, delivered_at = $7
                       where id = $1 returning id)
            insert into webhook_attempt (delivery_id, at, status_code, latency_ms, error) select id, $8, $4, $6, $5 from d""";

    private final Pool pool;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebClient client;
    private final Map<UUID, AtomicInteger> inflight = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    public WebhookDispatcher(Pool pool, WebhookConfig config, ObjectMapper json, Clock clock, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(200).setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis()).setFollowRedirects(false).setTryUseCompression(false)
                .setUserAgent("GovQMS-Webhooks/1.0"));
    }

    void stop(@Observes ShutdownEvent e) {
        stopped = true;
    }

    @Scheduled(every = "${govqms.webhooks.dispatch-every:1s}", delay = 2, delayUnit = java.util.concurrent.TimeUnit.SECONDS)
    void tick() {
        wake();
    }

    /** Looks for due deliveries now (after a replay, or when a delivery in flight finished). */
    public void wake() {
        again.set(true);
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        claimAndSend().subscribe().with(claimed -> {
            running.set(false);
            if (claimed > 0 || again.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            Log.warnf("webhook dispatch failed: %s", failure.getMessage());
        });
    }

    private Uni<Integer> claimAndSend() {
        List<UUID> busy = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        inflight.forEach((sub, n) -> {
            if (n.get() > 0) {
                busy.add(sub);
                counts.add(n.get());
            }
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        long lease = config.timeout().toMillis() + 30_000;
        return pool.preparedQuery(CLAIM).execute(Tuple.from(new Object[] {now, config.batchSize(), busy.toArray(UUID[]::new),
                counts.toArray(Integer[]::new), config.perSubscriptionConcurrency(), lease})).map(rows -> {
            int n = 0;
            for (Row r : rows) {
                n++;
                send(r);
            }
            return n;
        });
    }

    private void send(Row r) {
        UUID delivery = r.getUUID("id");
        UUID subscription = r.getUUID("subscription_id");
        int attempt = r.getInteger("attempts");
        AtomicInteger counter = inflight.computeIfAbsent(subscription, k -> new AtomicInteger());
        counter.incrementAndGet();
        String body;
        try {
            ObjectNode event = json.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", r.getString("event_id"));
            event.put("source", r.getString("source") == null ? "/govqms/notification-service" : r.getString("source"));
            event.put("type", r.getString("type"));
            if (r.getString("subject") != null) {
                event.put("subject", r.getString("subject"));
            }
            if (r.getOffsetDateTime("occurred_at") != null) {
                event.put("time", r.getOffsetDateTime("occurred_at").toString());
            }
            event.put("datacontenttype", "application/json");
            event.set("data", json.readTree(r.getString("data")));
            body = json.writeValueAsString(event);
        } catch (Exception e) {
            counter.decrementAndGet();
            record(delivery, attempt, null, 0, "cannot build the body: " + e.getMessage());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = delivery.toString();
        long start = System.nanoTime();
        client.requestAbs(HttpMethod.POST, r.getString("url")).timeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signature.sign(r.getString("secret"), id, timestamp, body))
                .putHeader("ce-id", r.getString("event_id"))
                .putHeader("ce-type", r.getString("type"))
                .sendBuffer(Buffer.buffer(body))
                .subscribe().with(response -> {
                    int latency = (int) ((System.nanoTime() - start) / 1_000_000);
                    released(counter);
                    int status = response.statusCode();
                    record(delivery, attempt, status, latency, status >= 200 && status < 300 ? null : "HTTP " + status);
                }, failure -> {
                    int latency = (int) ((System.nanoTime() - start) / 1_000_000);
                    released(counter);
                    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                    record(delivery, attempt, null, latency, message);
                });
    }

    /** A subscription's slot is free again: once half of its slots are, look for more of its deliveries. */
    private void released(AtomicInteger counter) {
        if (counter.decrementAndGet() <= config.perSubscriptionConcurrency() / 2) {
            wake();
        }
    }

    private void record(UUID delivery, int attempt, Integer status, int latency, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean ok = error == null;
        boolean dead = !ok && attempt >= config.maxAttempts();
        String state = ok ? "DELIVERED" : dead ? "DEAD" : "PENDING";
        OffsetDateTime next = ok || dead ? now : now.plus(backoff(attempt));
        if (dead) {
            Log.infof("webhook delivery %s dead-lettered after %d attempts: %s", delivery, attempt, error);
        }
        pool.preparedQuery(RESULT).execute(Tuple.from(new Object[] {delivery, state, next, status, error, latency, ok ? now : null, now}))
                .subscribe().with(x -> {
                }, f -> Log.warnf("webhook delivery %s: result not recorded (%s); it will be retried",
                        delivery, f.getMessage()));
    }

    /** initial × 2^(attempt-1), at most the maximum, ±20 % jitter so that failed receivers are not hit in waves. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, config.maxBackoff().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
