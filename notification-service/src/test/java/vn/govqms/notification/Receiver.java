package vn.govqms.notification;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import vn.govqms.notification.webhook.Signature;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver of webhooks inside the test: verifies the Standard Webhooks signature, can fail the first attempts
 * of each message or never answer, and keeps what it received.
 */
public final class Receiver implements AutoCloseable {

    /** {@code signatureValid}: one of the header's space-separated {@code v1,} signatures verifies with the receiver's secret. */
    public record Received(String webhookId, String timestamp, String signature, JsonObject body, boolean signatureValid, String host,
                           String raw) {

        /** Whether one of the header's signatures verifies with {@code secret}. */
        public boolean signedWith(String secret) {
            return valid(secret, webhookId, timestamp, signature, raw);
        }

        /** How many signatures the header carries. */
        public int signatures() {
            return signature.split(" ").length;
        }
    }

    /** As a Standard Webhooks receiver verifies: any of the space-separated {@code v1,} entries. */
    static boolean valid(String secret, String id, String ts, String header, String body) {
        if (secret == null || id == null || ts == null || header == null) {
            return false;
        }
        String expected = Signature.sign(secret, id, Long.parseLong(ts), body);
        for (String entry : header.split(" ")) {
            if (entry.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static final Vertx VERTX = Vertx.vertx();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String secret;
    private volatile int failFirst;
    private volatile boolean silent;
    private volatile String redirectTo;

    private Receiver() {
        server = VERTX.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> {
            requests.incrementAndGet();
            if (silent) {
                return; // never answers: the sender's timeout must fire
            }
            if (redirectTo != null) {
                req.response().setStatusCode(307).putHeader("location", redirectTo).end();
                return;
            }
            String id = req.getHeader("webhook-id");
            String ts = req.getHeader("webhook-timestamp");
            String sig = req.getHeader("webhook-signature");
            int attempt = attemptsById.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            if (attempt <= failFirst) {
                req.response().setStatusCode(503).end("bận");
                return;
            }
            String body = buf.toString();
            boolean valid = valid(secret, id, ts, sig, body);
            received.add(new Received(id, ts, sig, new JsonObject(body), valid, req.getHeader("host"), body));
            req.response().setStatusCode(valid ? 204 : 401).end();
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Receiver start() {
        return new Receiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/govqms/webhook";
    }

    public Receiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    public Receiver failFirst(int attempts) {
        this.failFirst = attempts;
        return this;
    }

    /** Answers every request with 307 to {@code location}. */
    public Receiver redirectTo(String location) {
        this.redirectTo = location;
        return this;
    }

    public int port() {
        return server.actualPort();
    }

    public Receiver silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    public List<Received> received() {
        return received;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
