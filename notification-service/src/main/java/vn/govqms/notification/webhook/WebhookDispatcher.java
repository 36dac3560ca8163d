package vn.govqms.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.govqms.notification.event.IntegrationView;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks from the delivery table, away from event consumption. Claims due deliveries in batches (one statement,
 * {@code skip locked}, never more in flight per subscription than configured, so a slow or dead receiver holds up only
 * itself, and never more in flight in all than a batch), POSTs each event as JSON with its CloudEvents attributes, signed the
 * Standard Webhooks way, and records the results of whatever finished meanwhile in one statement. A failure or timeout is
 * retried with exponential back-off and jitter; after the last attempt the delivery is dead (DEAD), until replayed.
 * <p>
 * Each delivery's target is checked and resolved once ({@link TargetCheck#pin}) and the request connects to that address, with
 * the URL's name as Host header and TLS server name (and certificate check): the HTTP client never resolves the name itself.
 * Redirects are not followed, the receiver's answer body is not read, and the log records a classified reason
 * ({@link FailureReason}), not the raw error.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /**
     * Each active subscription's oldest due deliveries, as many as it has free slots, a batch in all. A claimed delivery is
     * leased (due again only after the timeout and a margin) and its attempt counted, so another instance or a crash loses
     * nothing and sends nothing twice at once.
     */
    static final String CLAIM = """
            with busy as (select * from unnest($3::uuid[], $4::int[]) as b(subscription_id, inflight)),
            candidates as (
              select d.id from webhook_subscription s
              left join busy b on b.subscription_id = s.id
              cross join lateral (
                select d.id from webhook_delivery d
                where d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <= $1
                order by d.next_attempt_at limit greatest($5 - coalesce(b.inflight, 0), 0)
                for update of d skip locked) d
              where s.active
              limit $2),
            claimed as (
              update webhook_delivery w set next_attempt_at = $1 + $6 * interval '1 millisecond', attempts = w.attempts + 1
              where w.id = any (array(select id from candidates)) -- by the primary key, never a scan of the whole table
              returning w.id, w.subscription_id, w.event_id, w.attempts)
            select c.id, c.subscription_id, c.event_id, c.attempts, s.url, s.secret, s.secret_key_id, s.previous_secret,
                   s.previous_secret_expires_at, s.for_integration, e.type, e.source, e.subject, e.occurred_at, e.data::text as data
            from claimed c join webhook_subscription s on s.id = c.subscription_id join event_log e on e.event_id = c.event_id""";

    /** The results of a batch of attempts: the deliveries' new state, and one attempt row each. */
    static final String RESULTS = """
            with r as (
              select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::int[], $7::timestamptz[], $8::text[])
                     as r(id, status, next_attempt_at, status_code, error, latency_ms, at, reason)
            ), d as (
              update webhook_delivery w set status = r.status, next_attempt_at = r.next_attempt_at, last_status_code = r.status_code,
                     last_error = r.error, last_reason = r.reason, last_latency_ms = r.latency_ms,
                     delivered_at = case when r.status = 'DELIVERED' then r.at end
              from r where w.id = r.id
              returning w.id, r.at, r.status_code, r.latency_ms, r.error, r.reason)
            insert into webhook_attempt (delivery_id, at, status_code, latency_ms, error, reason)
            select id, at, status_code, latency_ms, error, reason from d""";

    private record Result(UUID delivery, String status, OffsetDateTime next, Integer statusCode, FailureReason reason, String error,
                          int latency, OffsetDateTime at) {
    }

    private final Pool pool;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final TargetCheck targets;
    private final SecretBox secrets;
    private final WebClient client;
    private final Map<UUID, AtomicInteger> inflight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Queue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private volatile boolean stopped;

    public WebhookDispatcher(Pool pool, WebhookConfig config, ObjectMapper json, Clock clock, Vertx vertx, TargetCheck targets,
                             SecretBox secrets) {
        this.pool = pool;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.targets = targets;
        this.secrets = secrets;
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(200).setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis()).setFollowRedirects(false).setVerifyHost(true).setTryUseCompression(false)
                .setUserAgent("GovQMS-Webhooks/1.0"));
    }

    void stop(@Observes ShutdownEvent e) {
        stopped = true;
    }

    @Scheduled(every = "${govqms.webhooks.dispatch-every}", delay = 2, delayUnit = TimeUnit.SECONDS)
    void tick() {
        wake();
    }

    /** Looks for due deliveries now (after a replay, or when deliveries in flight finished); one claim at a time. */
    public void wake() {
        again.set(true);
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        claimAndSend().subscribe().with(full -> {
            running.set(false);
            // a full claim may have left more due; slots freed during the claim asked for another
            if (full || again.get()) {
                wake();
            }
        }, failure -> {
            running.set(false);
            Log.warnf("webhook dispatch failed: %s", failure.getMessage());
        });
    }

    /** Claims what fits and sends it; true when the claim was as large as it could be (more may be due). */
    private Uni<Boolean> claimAndSend() {
        int room = config.batchSize() - total.get();
        if (room <= 0) {
            return Uni.createFrom().item(false);
        }
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
        long t0 = System.nanoTime();
        return pool.preparedQuery(CLAIM).execute(Tuple.from(new Object[] {now, room, busy.toArray(UUID[]::new),
                counts.toArray(Integer[]::new), config.perSubscriptionConcurrency(), lease})).map(rows -> {
            if (rows.size() > 0) {
                Log.debugf("webhooks: %d deliveries claimed in %d ms (%d in flight before)", rows.size(),
                        (System.nanoTime() - t0) / 1_000_000, total.get());
            }
            for (Row r : rows) {
                send(r);
            }
            return rows.size() == room;
        });
    }

    private void send(Row r) {
        UUID delivery = r.getUUID("id");
        UUID subscription = r.getUUID("subscription_id");
        int attempt = r.getInteger("attempts");
        AtomicInteger counter = inflight.computeIfAbsent(subscription, k -> new AtomicInteger());
        counter.incrementAndGet();
        total.incrementAndGet();
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
            if (r.getBoolean("for_integration")) {
                // a one-stop-shop system's subscription: only the fields its REST reads allow, or nothing at all
                Optional<ObjectNode> data = IntegrationView.project(r.getString("type"), json.readTree(r.getString("data")));
                if (data.isEmpty()) {
                    released(counter);
                    withheld(delivery, r.getString("type"));
                    return;
                }
                event.set("data", data.get());
            } else {
                // the data is JSON already (jsonb as text): written as it is, not parsed again
                event.putRawValue("data", new RawValue(r.getString("data")));
            }
            body = json.writeValueAsString(event);
        } catch (Exception e) {
            Log.debugf("webhook delivery %s: body not built: %s", delivery, e);
            released(counter);
            record(delivery, attempt, null, 0, FailureReason.BODY, FailureReason.BODY.text());
            return;
        }
        String secret;
        String previous;
        try {
            secret = secrets.open(subscription, r.getString("secret_key_id"), r.getString("secret"));
            OffsetDateTime until = r.getOffsetDateTime("previous_secret_expires_at");
            // the old secret signs too only while its overlap lasts, whether or not the cleanup erased it yet
            previous = until != null && until.isAfter(OffsetDateTime.now(clock))
                    ? secrets.open(subscription, r.getString("secret_key_id"), r.getString("previous_secret")) : null;
        } catch (IllegalStateException e) {
            Log.error(e.getMessage());
            released(counter);
            record(delivery, attempt, null, 0, FailureReason.SECRET_UNAVAILABLE, FailureReason.SECRET_UNAVAILABLE.text());
            return;
        }
        String url = r.getString("url");
        long start = System.nanoTime();
        targets.pin(url).chain(pinned -> {
            long timestamp = clock.instant().getEpochSecond();
            String id = delivery.toString();
            // connect to the checked address; the URL's host stays the Host header, the TLS server name and the certificate's name
            return client.requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(pinned.port(), pinned.address().getHostAddress()), url)
                    .timeout(config.timeout().toMillis())
                    .putHeader("content-type", "application/json")
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", Signature.header(secret, previous, id, timestamp, body))
                    .putHeader("ce-id", r.getString("event_id"))
                    .putHeader("ce-type", r.getString("type"))
                    .as(BodyCodec.none())
                    .sendBuffer(Buffer.buffer(body));
        }).subscribe().with(response -> {
            int latency = (int) ((System.nanoTime() - start) / 1_000_000);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                record(delivery, attempt, status, latency, null, null);
            } else {
                FailureReason reason = status >= 300 && status < 400 ? FailureReason.REDIRECT : FailureReason.HTTP_STATUS;
                record(delivery, attempt, status, latency, reason, reason.text(status));
            }
            released(counter);
        }, failure -> {
            int latency = (int) ((System.nanoTime() - start) / 1_000_000);
            FailureReason reason = failure instanceof TargetCheck.Refused refused ? refused.reason() : FailureReason.of(failure);
            // the raw error is for this service's operators, never for the delivery log
            Log.debugf("webhook delivery %s to %s failed (%s): %s", delivery, url, reason, failure);
            record(delivery, attempt, null, latency, reason, reason.text());
            released(counter);
        });
    }

    /** A slot is free again: look for more due deliveries (one claim at a time takes every slot freed meanwhile). */
    private void released(AtomicInteger counter) {
        total.decrementAndGet();
        counter.decrementAndGet();
        wake();
    }

    private void record(UUID delivery, int attempt, Integer status, int latency, FailureReason reason, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean ok = reason == null;
        boolean dead = !ok && attempt >= config.maxAttempts();
        if (dead) {
            Log.infof("webhook delivery %s dead-lettered after %d attempts: %s", delivery, attempt, error);
        }
        results.add(new Result(delivery, ok ? "DELIVERED" : dead ? "DEAD" : "PENDING", ok || dead ? now : now.plus(backoff(attempt)),
                status, reason, error, latency, now));
        flush();
    }

    /**
     * A delivery of a type that one-stop-shop systems do not receive (queued before its subscription was restricted, or
     * replayed): never sent, dead at once.
     */
    private void withheld(UUID delivery, String type) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        results.add(new Result(delivery, "DEAD", now, null, FailureReason.WITHHELD, FailureReason.WITHHELD.text(type), 0, now));
        flush();
    }

    /** Writes every result waiting, in one statement; results that come in meanwhile wait for the next. */
    private void flush() {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        List<Result> batch = new ArrayList<>();
        for (Result r = results.poll(); r != null; r = results.poll()) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            if (!results.isEmpty()) {
                flush();
            }
            return;
        }
        long t0 = System.nanoTime();
        pool.preparedQuery(RESULTS).execute(Tuple.from(new Object[] {
                        batch.stream().map(Result::delivery).toArray(UUID[]::new),
                        batch.stream().map(Result::status).toArray(String[]::new),
                        batch.stream().map(Result::next).toArray(OffsetDateTime[]::new),
                        batch.stream().map(Result::statusCode).toArray(Integer[]::new),
                        batch.stream().map(Result::error).toArray(String[]::new),
                        batch.stream().map(Result::latency).toArray(Integer[]::new),
                        batch.stream().map(Result::at).toArray(OffsetDateTime[]::new),
                        batch.stream().map(x -> x.reason() == null ? null : x.reason().name()).toArray(String[]::new)}))
                .subscribe().with(x -> {
                    Log.debugf("webhooks: %d results recorded in %d ms", batch.size(), (System.nanoTime() - t0) / 1_000_000);
                    flushing.set(false);
                    flush();
                }, f -> {
                    // the deliveries stay leased: they are sent again once the lease is over
                    Log.warnf("webhook results of %d deliveries not recorded (%s); they will be retried", batch.size(), f.getMessage());
                    flushing.set(false);
                    flush();
                });
    }

    /** initial × 2^(attempt-1), at most the maximum, ±20 % jitter so that failed receivers are not hit in waves. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, config.maxBackoff().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
