package vn.govqms.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import vn.govqms.local.LocalStack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * {@code --tracing RATIO}: the services sample new traces at RATIO and export them over OTLP/HTTP to a collector inside the
 * harness, the JDK's HTTP server answering {@code POST /v1/traces} with 200 and an empty {@code ExportTraceServiceResponse}.
 * It counts what really left the services (requests, bytes as sent, spans) and, per trace, each service's spans, so a run
 * says which services one legal change's trace reached. The export is the services' real one (their batch span processor,
 * protobuf, HTTP); only the collector's own work is left out.
 */
final class Tracing implements AutoCloseable {

    final double ratio;
    private final HttpServer server;
    private final ExecutorService thread;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** The services in the order their first span arrived; a trace's counts are indexed by it. */
    private final List<String> services = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> traces = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> spansByService = new ConcurrentHashMap<>();

    private Tracing(double ratio) throws IOException {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("--tracing takes a sampling ratio from 0 to 1, not " + ratio);
        }
        this.ratio = ratio;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::answer);
        // one thread: the exports of four services arrive every few seconds, and a count needs no more of the cores
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-otlp-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
    }

    static Tracing start(double ratio) {
        try {
            return new Tracing(ratio);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP receiver", e);
        }
    }

    /** {@code --tracing RATIO} given: the receiver, started; otherwise null (the services' local profile: ratio 0). */
    static Tracing of(Args a) {
        return a.flag("--tracing") ? start(a.decimal("--tracing", 0)) : null;
    }

    String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The services' environment: the ratio and this receiver as their OTLP endpoint, over HTTP with protobuf. */
    LocalStack.Options apply(LocalStack.Options options) {
        return options.withServiceEnv("OTEL_TRACES_SAMPLER_ARG", Double.toString(ratio))
                .withServiceEnv("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint())
                .withServiceEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    }

    long requests() {
        return requests.get();
    }

    long bytes() {
        return bytes.get();
    }

    long spans() {
        return spans.get();
    }

    /** Spans received per service, in the order the services first exported. */
    Map<String, Long> spansByService() {
        Map<String, Long> m = new LinkedHashMap<>();
        services.forEach(s -> m.put(s, spansByService.get(s).get()));
        return m;
    }

    /** The spans of one trace (32 hex digits) received per service; empty if none arrived. */
    Map<String, Long> trace(String traceId) {
        long[] counts = traces.get(traceId);
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; counts != null && i < Math.min(services.size(), counts.length); i++) {
            if (counts[i] > 0) {
                m.put(services.get(i), counts[i]);
            }
        }
        return m;
    }

    /**
     * Whether one legal change is one trace: the trace contexts the change's outbox rows in document-service keep (the rows
     * after {@code outboxBefore}, written by the registration's transaction), and for each sampled one the services whose
     * spans of it arrived here.
     */
    String change(Db db, long outboxBefore) {
        List<String> contexts = db.column("document", """
                select coalesce(traceparent, 'none') || ' ' || count(*) from outbox where id > %d group by traceparent order by count(*) desc"""
                .formatted(outboxBefore));
        StringBuilder s = new StringBuilder("the change's trace: its outbox rows in document-service carry " + contexts.size()
                + " trace context(s)");
        for (String c : contexts) {
            String[] tpAndRows = c.split(" ");
            s.append("; ").append(tpAndRows[1]).append(" rows ").append(tpAndRows[0]);
            if (tpAndRows[0].startsWith("00-") && tpAndRows[0].endsWith("-01")) {
                Map<String, Long> reached = trace(tpAndRows[0].substring(3, 35));
                s.append(": sampled, spans received per service ").append(reached.isEmpty() ? "none" : reached);
            } else {
                s.append(": not sampled");
            }
        }
        return s.toString();
    }

    /** The run's tracing in its results: the ratio, what arrived, and per service. */
    void record(Results results) {
        results.value("tracing.ratio", ratio);
        results.value("tracing.requests", requests());
        results.value("tracing.bytes", bytes());
        results.value("tracing.spans", spans());
        results.note(String.format(Locale.ROOT, "tracing at ratio %s: the harness's OTLP receiver got %,d export requests, %,d bytes, "
                + "%,d spans (%s)%s", ratio, requests(), bytes(), spans(), spansByService(),
                refused.get() == 0 ? "" : "; " + refused.get() + " requests other than POST /v1/traces answered 404"));
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            if (!"POST".equals(x.getRequestMethod()) || !"/v1/traces".equals(x.getRequestURI().getPath())) {
                refused.incrementAndGet();
                x.sendResponseHeaders(404, -1);
                return;
            }
            requests.incrementAndGet();
            bytes.addAndGet(body.length);
            received("gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding")) ? gunzip(body) : body);
            x.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            // an empty ExportTraceServiceResponse: every field is optional, nothing was rejected
            x.sendResponseHeaders(200, -1);
        }
    }

    /**
     * Counts the spans of one {@code ExportTraceServiceRequest} by service and trace: resource_spans (1) → resource (1) →
     * attributes (1) → {key (1), value (2) → string_value (1)} for {@code service.name}; scope_spans (2) → spans (2) →
     * trace_id (1).
     */
    void received(byte[] request) {
        Proto req = new Proto(request, 0, request.length);
        while (req.next()) {
            if (req.field == 1 && req.wire == 2) {
                resourceSpans(req.message());
            } else {
                req.skip();
            }
        }
    }

    private void resourceSpans(Proto rs) {
        String service = "?";
        List<Proto> scopes = new ArrayList<>();
        while (rs.next()) {
            if (rs.field == 1 && rs.wire == 2) {
                service = serviceName(rs.message(), service);
            } else if (rs.field == 2 && rs.wire == 2) {
                scopes.add(rs.message());
            } else {
                rs.skip();
            }
        }
        int index = serviceIndex(service);
        for (Proto scope : scopes) {
            while (scope.next()) {
                if (scope.field == 2 && scope.wire == 2) {
                    span(scope.message(), service, index);
                } else {
                    scope.skip();
                }
            }
        }
    }

    private static String serviceName(Proto resource, String otherwise) {
        while (resource.next()) {
            if (resource.field == 1 && resource.wire == 2) {
                Proto kv = resource.message();
                String key = null;
                String value = null;
                while (kv.next()) {
                    if (kv.field == 1 && kv.wire == 2) {
                        key = kv.message().text();
                    } else if (kv.field == 2 && kv.wire == 2) {
                        Proto any = kv.message();
                        while (any.next()) {
                            if (any.field == 1 && any.wire == 2) {
                                value = any.message().text();
                            } else {
                                any.skip();
                            }
                        }
                    } else {
                        kv.skip();
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    return value;
                }
            } else {
                resource.skip();
            }
        }
        return otherwise;
    }

    private void span(Proto span, String service, int index) {
        spans.incrementAndGet();
        spansByService.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
        while (span.next()) {
            if (span.field == 1 && span.wire == 2) {
                Proto id = span.message();
                String traceId = HexFormat.of().formatHex(id.bytes, id.pos, id.limit);
                traces.computeIfAbsent(traceId, k -> new long[8])[index]++;
                return;
            }
            span.skip();
        }
    }

    /** A trace tells at most 8 services apart (the stack has 4); further ones count in its eighth. */
    private synchronized int serviceIndex(String service) {
        int i = services.indexOf(service);
        if (i < 0) {
            services.add(service);
            i = services.size() - 1;
        }
        return Math.min(i, 7);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    /** A protocol-buffers reader over bytes[pos, limit): {@link #next()} reads a field's key, then read or skip its value. */
    static final class Proto {
        final byte[] bytes;
        int pos;
        final int limit;
        int field;
        int wire;

        Proto(byte[] bytes, int pos, int limit) {
            this.bytes = bytes;
            this.pos = pos;
            this.limit = limit;
        }

        boolean next() {
            if (pos >= limit) {
                return false;
            }
            long key = varint();
            field = (int) (key >>> 3);
            wire = (int) (key & 7);
            return true;
        }

        /** The length-delimited value just keyed, as a reader of its own. */
        Proto message() {
            int length = (int) varint();
            Proto m = new Proto(bytes, pos, pos + length);
            pos += length;
            return m;
        }

        String text() {
            return new String(bytes, pos, limit - pos, StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wire) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> message();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("protobuf wire type " + wire + " at " + pos);
            }
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("protobuf varint too long at " + pos);
        }
    }
}
